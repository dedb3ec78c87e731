# Golden values for calibrated designs (tests/stats/test_stats_golden_calibration.py).
# Run from this folder:  Rscript make_golden_calibration.R
# Writes api_calib_*.csv (survey's textbook samples with the calibration variables),
# golden_calibration_margins.csv (population totals from apipop, in the margins-file format
# of the plan), golden_calibration_estimates.csv, golden_calibration_comparisons.csv and
# golden_calibration_weights.csv (the calibrated weights).
suppressPackageStartupMessages(library(survey))
data(api)
options(digits = 17, survey.lonely.psu = "adjust")

prep <- function(d) {
  d$sw <- as.numeric(d$sch.wide == "Yes")
  d$api_na <- ifelse(d$snum %% 7 == 0, NA, d$api00)
  d$grp <- as.character(d$stype)
  d$pool <- ifelse(d$stype == "H", "H", "EM")
  d$yr <- as.character(d$yr.rnd)
  d$mealcat <- as.character(cut(d$meals, c(-1, 33, 66, 101), labels = c("high", "low", "mid")))
  d$both <- as.character(d$both)
  d$stype_c <- as.character(d$stype)
  d
}
pop <- prep(apipop)
clus1 <- prep(apiclus1); strat <- prep(apistrat)
keep <- c("snum", "dnum", "stype", "pw", "sw", "api00", "api_na", "enroll", "api.stu", "api99",
          "grp", "pool", "yr", "mealcat", "both", "stype_c")
write.csv(clus1[, keep], "api_calib_clus1.csv", row.names = FALSE)
write.csv(strat[, keep], "api_calib_strat.csv", row.names = FALSE)

tab <- function(v) { t <- table(pop[[v]]); data.frame(variable = v, level = names(t), total = as.vector(t)) }
cross <- as.data.frame(table(stype_c = pop$stype_c, both = pop$both))
margins <- rbind(tab("stype_c"), tab("both"), tab("mealcat"),
                 data.frame(variable = "stype_c:both", level = paste(cross$stype_c, cross$both, sep = ":"),
                            total = cross$Freq),
                 data.frame(variable = "api99", level = "", total = sum(pop$api99)))
write.csv(margins, "golden_calibration_margins.csv", row.names = FALSE)

poptab <- function(v) { t <- table(pop[[v]]); d <- data.frame(names(t), as.vector(t)); names(d) <- c(v, "Freq"); d }
N <- nrow(pop)
# calibrate(): intercept, treatment contrasts of each factor (first level the reference), api99
greg_pop <- function(vars, numeric = TRUE) {
  tot <- c(`(Intercept)` = N)
  for (v in vars) { t <- table(pop[[v]]); tt <- as.vector(t)[-1]; names(tt) <- paste0(v, names(t)[-1]); tot <- c(tot, tt) }
  if (numeric) tot <- c(tot, api99 = sum(pop$api99))
  tot
}
dclus1 <- function() svydesign(id = ~dnum, weights = ~pw, data = clus1)
dstrat <- function() svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat)
three <- list(~stype_c, ~both, ~mealcat)
three_pop <- list(poptab("stype_c"), poptab("both"), poptab("mealcat"))
ctl <- list(maxit = 50, epsilon = 1)
raked_clus1 <- function() rake(dclus1(), three, three_pop, control = ctl)
# limits away from any weight (a weight equal to a limit is not trimmed; rounding would decide)
trim_limits <- function() { w <- weights(raked_clus1()); round(unname(quantile(w, c(0.1, 0.9))), 1) + 0.05 }
tl <- trim_limits()
f_greg <- ~stype_c + both + mealcat + api99
designs <- list(
  ps = function() postStratify(dclus1(), ~stype_c, poptab("stype_c")),
  ps_crossed = function() postStratify(dclus1(), ~stype_c + both,
                                       as.data.frame(table(stype_c = pop$stype_c, both = pop$both))),
  rake = raked_clus1,
  rake_strat = function() rake(dstrat(), list(~both, ~mealcat), list(poptab("both"), poptab("mealcat")), control = ctl),
  rake_trim = function() trimWeights(raked_clus1(), lower = tl[1], upper = tl[2]),
  greg = function() calibrate(dclus1(), f_greg, greg_pop(c("stype_c", "both", "mealcat"))),
  greg_bounds = function() calibrate(dclus1(), f_greg, greg_pop(c("stype_c", "both", "mealcat")),
                                     bounds = c(0.4, 1.6)),
  raking_cal = function() calibrate(dstrat(), ~both + mealcat, greg_pop(c("both", "mealcat"), FALSE),
                                    calfun = "raking"),
  logit_cal = function() calibrate(dclus1(), ~stype_c + both + mealcat,
                                   greg_pop(c("stype_c", "both", "mealcat"), FALSE),
                                   calfun = "logit", bounds = c(0.6, 1.6)),
  greg_trim = function() trimWeights(calibrate(dstrat(), ~both + mealcat + api99,
                                               greg_pop(c("both", "mealcat"))),
                                     lower = 20, upper = 40, strict = TRUE)
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
    r <- svyquantile(f, sub, 0.5, na.rm = TRUE)[[1]]; est <- r[1, "quantile"]; se <- r[1, "se"]
  }
  data.frame(v = spec$v, stat = spec$stat, group = g, level = ifelse(is.na(lev), "total", lev),
             estimate = est, se = se, df = degf(sub), n = sum(ok))
}

# svyby(covmat = TRUE) stops on calibrated designs in survey 4.1.1 (the influence functions
# of a calibrated subset are full length), so the two domains of a comparison are estimated
# jointly on the full design: svyratio(y·d_g, x·d_g) (x = 1 for means) or svytotal(y·d_g),
# whose covariance svycontrast reads.
cmp_rows <- function(des, v, byvar, stat = "mean", id = v) {
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
    z <- coef(cc)[[1]] / SE(cc)[[1]]
    out <- rbind(out, data.frame(v = id, group = g, level = lev, difference = coef(cc)[[1]],
                                 se_difference = SE(cc)[[1]], df = degf(des),
                                 p_value = 2 * pt(-abs(z), df = degf(des))))
  }
  out
}

est_out <- NULL; cmp_out <- NULL; w_out <- NULL
for (dn in names(designs)) {
  des <- designs[[dn]]()
  w_out <- rbind(w_out, data.frame(design = dn, snum = des$variables$snum, weight = weights(des)))
  for (spec in vars) for (g in names(groups)) for (lev in c(NA, "No", "Yes")) {
    r <- one(des, spec, g, lev)
    if (!is.null(r)) { r$design <- dn; est_out <- rbind(est_out, r) }
  }
  for (byvar in c("total", "yr")) {
    for (v in c("sw", "api00", "api_na")) { r <- cmp_rows(des, v, byvar); r$design <- dn; cmp_out <- rbind(cmp_out, r) }
    r <- cmp_rows(des, "enroll", byvar, "total"); r$design <- dn; cmp_out <- rbind(cmp_out, r)
    r <- cmp_rows(des, "api.stu", byvar, "ratio", "api_stu"); r$design <- dn; cmp_out <- rbind(cmp_out, r)
  }
}
write.csv(data.frame(design = "rake_trim", lower = sprintf("%.17g", tl[1]), upper = sprintf("%.17g", tl[2])),
          "golden_calibration_trim.csv", row.names = FALSE)
digits17 <- function(d) {
  for (k in names(d)) if (is.double(d[[k]])) d[[k]] <- ifelse(is.na(d[[k]]), NA, sprintf("%.17g", d[[k]]))
  d
}
write.csv(digits17(est_out), "golden_calibration_estimates.csv", row.names = FALSE)
write.csv(digits17(cmp_out), "golden_calibration_comparisons.csv", row.names = FALSE)
write.csv(digits17(w_out), "golden_calibration_weights.csv", row.names = FALSE)
