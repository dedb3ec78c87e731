# Golden values for calibrated multistage and replicate-weight designs
# (tests/stats/test_stats_golden_calibration_designs.py).
# Run from this folder:  Rscript make_golden_calibration_designs.R
# Reads golden_calibration_margins.csv's totals (made by make_golden_calibration.R from apipop);
# writes api_calib_clus2.csv (apiclus2 with the calibration variables),
# caldesigns_rep_boot.csv (the bootstrap replicate weights R made, read as a supplied design),
# golden_caldesigns_replicates.csv (type, scale, rscales of the replicate designs),
# golden_caldesigns_estimates.csv, golden_caldesigns_comparisons.csv and
# golden_caldesigns_weights.csv (the calibrated full-sample weights and, for replicate designs,
# the calibrated replicate weights).
suppressPackageStartupMessages(library(survey))
data(api)
options(digits = 17, survey.lonely.psu = "adjust")

prep <- function(d) {
  d$sw <- as.numeric(d$sch.wide == "Yes")
  d$api_na <- ifelse(d$snum %% 7 == 0, NA, d$api00)
  d$grp <- as.character(d$stype)
  d$yr <- as.character(d$yr.rnd)
  d$mealcat <- as.character(cut(d$meals, c(-1, 33, 66, 101), labels = c("high", "low", "mid")))
  d$both <- as.character(d$both)
  d$stype_c <- as.character(d$stype)
  d
}
pop <- prep(apipop)
clus1 <- prep(apiclus1); clus2 <- prep(apiclus2)
keep <- c("snum", "dnum", "stype", "pw", "sw", "api00", "api_na", "enroll", "api.stu", "api99",
          "grp", "yr", "mealcat", "both", "stype_c")
write.csv(clus2[, c(keep, "fpc1", "fpc2")], "api_calib_clus2.csv", row.names = FALSE)

poptab <- function(v) { t <- table(pop[[v]]); d <- data.frame(names(t), as.vector(t)); names(d) <- c(v, "Freq"); d }
N <- nrow(pop)
greg_pop <- function(vars, numeric = TRUE) {
  tot <- c(`(Intercept)` = N)
  for (v in vars) { t <- table(pop[[v]]); tt <- as.vector(t)[-1]; names(tt) <- paste0(v, names(t)[-1]); tot <- c(tot, tt) }
  if (numeric) tot <- c(tot, api99 = sum(pop$api99))
  tot
}
three <- list(~stype_c, ~both, ~mealcat)
three_pop <- list(poptab("stype_c"), poptab("both"), poptab("mealcat"))
ctl <- list(maxit = 50, epsilon = 1)
f_greg <- ~stype_c + both + mealcat + api99
f_cat <- ~stype_c + both + mealcat

ms2 <- function() svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = clus2)
jk1 <- function() as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, data = clus1), type = "JK1")
set.seed(20261206)
boot <- as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, data = clus1), type = "bootstrap",
                       replicates = 40)
W <- weights(boot, "analysis"); colnames(W) <- paste0("rep", seq_len(ncol(W)))
write.csv(W, "caldesigns_rep_boot.csv", row.names = FALSE)
reps <- data.frame(design = c("jk1", "boot"), type = c(jk1()$type, boot$type),
                   scale = sprintf("%.17g", c(jk1()$scale, boot$scale)),
                   rscales = c(paste(sprintf("%.17g", jk1()$rscales), collapse = ";"),
                               paste(sprintf("%.17g", boot$rscales), collapse = ";")))
write.csv(reps, "golden_caldesigns_replicates.csv", row.names = FALSE)

designs <- list(
  ms_ps = function() postStratify(ms2(), ~stype_c, poptab("stype_c")),
  ms_rake = function() rake(ms2(), three, three_pop, control = ctl),
  ms_greg = function() calibrate(ms2(), f_greg, greg_pop(c("stype_c", "both", "mealcat"))),
  ms_logit = function() calibrate(ms2(), f_cat, greg_pop(c("stype_c", "both", "mealcat"), FALSE),
                                  calfun = "logit", bounds = c(0.5, 2.5)),
  jk1_ps = function() postStratify(jk1(), ~stype_c, poptab("stype_c")),
  jk1_rake = function() rake(jk1(), three, three_pop, control = ctl),
  jk1_greg = function() calibrate(jk1(), f_greg, greg_pop(c("stype_c", "both", "mealcat"))),
  jk1_raking_cal = function() calibrate(jk1(), f_cat, greg_pop(c("stype_c", "both", "mealcat"), FALSE),
                                        calfun = "raking"),
  boot_greg = function() calibrate(boot, f_greg, greg_pop(c("stype_c", "both", "mealcat"))),
  boot_rake = function() rake(boot, three, three_pop, control = ctl)
)

vars <- list(
  list(v = "sw", stat = "proportion"), list(v = "api00", stat = "mean"),
  list(v = "api_na", stat = "mean"), list(v = "enroll", stat = "total"),
  list(v = "api.stu", den = "enroll", stat = "ratio"), list(v = "api00", stat = "median")
)
groups <- list(E = "E", M = "M", H = "H", all_displaced = c("E", "M"))

one <- function(des, spec, g, lev) {
  d <- des$variables
  ok <- d$grp %in% groups[[g]] & !is.na(d[[spec$v]])
  if (!is.null(spec$den)) ok <- ok & !is.na(d[[spec$den]])
  if (!is.na(lev)) ok <- ok & d$yr == lev
  if (sum(ok) < 3) return(NULL)
  sub <- des[ok, ]
  f <- as.formula(paste0("~`", spec$v, "`"))
  if (spec$stat %in% c("proportion", "mean")) {
    m <- svymean(f, sub, na.rm = TRUE); est <- coef(m)[[1]]; se <- SE(m)[[1]]
  } else if (spec$stat == "total") {
    m <- svytotal(f, sub, na.rm = TRUE); est <- coef(m)[[1]]; se <- SE(m)[[1]]
  } else if (spec$stat == "ratio") {
    m <- svyratio(f, as.formula(paste0("~", spec$den)), sub, na.rm = TRUE); est <- coef(m)[[1]]; se <- SE(m)[[1]]
  } else {
    r <- svyquantile(f, sub, 0.5, na.rm = TRUE)[[1]]; est <- r[1, "quantile"]; se <- r[1, 4]
  }
  data.frame(v = spec$v, stat = spec$stat, group = g, level = ifelse(is.na(lev), "total", lev),
             estimate = est, se = se, df = degf(sub), n = sum(ok))
}

# the two domains of a comparison estimated jointly on the full design (svyby(covmat = TRUE)
# stops on calibrated linearisation designs in survey 4.1.1): svyratio(y·d_g, x·d_g) or
# svytotal(y·d_g), whose covariance svycontrast reads
cmp_joint <- function(des, v, byvar, stat = "mean", id = v) {
  d <- des$variables
  y <- d[[v]]; x <- if (stat == "ratio") d$enroll else rep(1, nrow(d))
  known <- !is.na(y) & !is.na(x)
  levs <- if (byvar == "total") "total" else sort(unique(d$yr))
  out <- NULL
  for (lev in levs) for (g in c("E", "M", "all_displaced")) {
    inlev <- if (lev == "total") TRUE else d$yr == lev
    da <- as.numeric(known & inlev & d$grp %in% groups[[g]])
    db <- as.numeric(known & inlev & d$grp == "H")
    if (sum(da) == 0 || sum(db) == 0) next
    y0 <- ifelse(known, y, 0); x0 <- ifelse(known, x, 0)
    des2 <- update(des, ya = y0 * da, yb = y0 * db, xa = x0 * da, xb = x0 * db)
    if (stat == "total") {
      m <- svytotal(~ya + yb, des2)
      cc <- svycontrast(m, c(ya = 1, yb = -1))
    } else {
      m <- svyratio(~ya + yb, ~xa + xb, des2, covmat = TRUE)
      cc <- svycontrast(m, c("ya/xa" = 1, "yb/xa" = 0, "ya/xb" = 0, "yb/xb" = -1))
    }
    out <- rbind(out, data.frame(v = id, group = g, level = lev, difference = coef(cc)[[1]],
                                 se_difference = SE(cc)[[1]]))
  }
  out
}

# replicate designs: svyby(covmat = TRUE) + svycontrast, as for uncalibrated replicate designs
# (make_golden_designs.R; a replicate with no estimate in a domain of the svyby is dropped for
# all of them, which the engine follows)
cmp_rows_by <- function(des, v, byvar, stat = "mean", id = v) {
  d2 <- if (stat == "ratio") subset(des, !is.na(get(v)) & !is.na(enroll)) else subset(des, !is.na(get(v)))
  d2 <- update(d2, pool = ifelse(grp == "H", "H", "EM"))
  f <- as.formula(paste0("~`", v, "`"))
  byf <- if (byvar == "total") ~grp else ~grp + yr
  pb <- if (byvar == "total") ~pool else ~pool + yr
  by_ <- function(form) switch(stat,
    mean = svyby(f, form, d2, svymean, covmat = TRUE),
    total = svyby(f, form, d2, svytotal, covmat = TRUE),
    ratio = svyby(f, form, d2, svyratio, denominator = ~enroll, covmat = TRUE))
  b <- by_(byf); bp <- by_(pb)
  out <- NULL
  levs <- if (byvar == "total") "total" else sort(unique(des$variables$yr))
  for (lev in levs) for (g in c("E", "M", "all_displaced")) {
    bb <- if (g == "all_displaced") bp else b
    gname <- if (g == "all_displaced") "EM" else g
    nm <- if (lev == "total") c(gname, "H") else c(paste0(gname, ".", lev), paste0("H.", lev))
    if (!all(nm %in% names(coef(bb)))) next
    cc <- svycontrast(bb, setNames(c(1, -1), nm))
    out <- rbind(out, data.frame(v = id, group = g, level = lev, difference = coef(cc)[[1]],
                                 se_difference = SE(cc)[[1]]))
  }
  out
}

est_out <- NULL; cmp_out <- NULL; w_out <- NULL
for (dn in names(designs)) {
  des <- designs[[dn]]()
  # the full-sample weights and, for replicate designs, replicates 1, 2 and the last
  wr <- data.frame(design = dn, snum = des$variables$snum, weight = weights(des, "sampling"),
                   rep_first = NA, rep_second = NA, rep_last = NA)
  if (inherits(des, "svyrep.design")) {
    R <- as.matrix(weights(des, "analysis"))
    wr$rep_first <- R[, 1]; wr$rep_second <- R[, 2]; wr$rep_last <- R[, ncol(R)]
  }
  w_out <- rbind(w_out, wr)
  for (spec in vars) for (g in names(groups)) for (lev in c(NA, "No", "Yes")) {
    r <- one(des, spec, g, lev)
    if (!is.null(r)) { r$design <- dn; est_out <- rbind(est_out, r) }
  }
  cmp_rows <- if (inherits(des, "svyrep.design")) cmp_rows_by else cmp_joint
  for (byvar in c("total", "yr")) {
    for (v in c("sw", "api00", "api_na")) { r <- cmp_rows(des, v, byvar); r$design <- dn; cmp_out <- rbind(cmp_out, r) }
    r <- cmp_rows(des, "enroll", byvar, "total"); r$design <- dn; cmp_out <- rbind(cmp_out, r)
    r <- cmp_rows(des, "api.stu", byvar, "ratio", "api_stu"); r$design <- dn; cmp_out <- rbind(cmp_out, r)
  }
}
digits17 <- function(d) {
  for (k in names(d)) if (is.double(d[[k]])) d[[k]] <- ifelse(is.na(d[[k]]), NA, sprintf("%.17g", d[[k]]))
  d
}
write.csv(digits17(est_out), "golden_caldesigns_estimates.csv", row.names = FALSE)
write.csv(digits17(cmp_out), "golden_caldesigns_comparisons.csv", row.names = FALSE)
write.csv(digits17(w_out), "golden_caldesigns_weights.csv", row.names = FALSE)
