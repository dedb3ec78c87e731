# Golden values for multistage and replicate-weight designs (tests/stats/test_stats_golden_designs.py).
# Run from this folder:  Rscript make_golden_designs.R linear ; Rscript make_golden_designs.R replicate
# (the two parts can run at once). Writes designs_*.csv (data and the replicate weights R made),
# golden_designs_<part>_estimates.csv, golden_designs_<part>_comparisons.csv,
# golden_designs_replicates.csv (type, scale, rscales, mse of each replicate design) and the R and
# survey versions in golden_designs_versions.txt.
suppressPackageStartupMessages(library(survey))
part <- commandArgs(TRUE)[1]
if (is.na(part)) part <- "linear"
data(api)
options(digits = 17)

prep <- function(d) {
  d$sw <- as.numeric(d$sch.wide == "Yes")
  d$aw <- as.numeric(d$awards == "Yes")
  d$api_na <- ifelse(d$snum %% 7 == 0, NA, d$api00)
  d$sw_na <- ifelse(d$snum %% 5 == 0, NA, d$sw)
  d$grp <- as.character(d$stype)
  d$pool <- ifelse(d$stype == "H", "H", "EM")
  d$yr <- as.character(d$yr.rnd)
  d
}
vars_keep <- c("grp", "pool", "yr", "sw", "sw_na", "aw", "api00", "api_na", "enroll", "api.stu")

# 1. apiclus2: two stages (districts, schools) with an FPC at each stage
clus2 <- prep(apiclus2)
write.csv(clus2[, c("dnum", "snum", "fpc1", "fpc2", "pw", vars_keep)], "designs_clus2.csv",
          row.names = FALSE)

# 2. a synthetic stratified three-stage sample (households in segments in areas) with an FPC at
#    every stage, a stratum with a single area, areas with a single segment, a fully enumerated
#    stage, and stage-2 strata
set.seed(20261206)
rows <- NULL; hh <- 0
n_area <- c(3, 2, 4, 1, 3, 2)
for (h in seq_along(n_area)) for (a in seq_len(n_area[h])) {
  m <- sample(1:3, 1)
  N2 <- if (h == 2 && a == 1) m else m * 2 + 1         # area 1 of stratum 2: all segments taken
  for (s in seq_len(m)) {
    k <- sample(2:6, 1)
    for (i in seq_len(k)) {
      hh <- hh + 1
      rows <- rbind(rows, data.frame(stratum = paste0("S", h), area = a, seg = s, hh = i,
                                     st2 = ifelse(s %% 2 == 1, "odd", "even"),
                                     N1 = n_area[h] * 3 + 2, N2 = N2, N3 = k * 4))
    }
  }
}
n <- nrow(rows)
rows$w <- round(runif(n, 20, 80), 3)
rows$snum <- seq_len(n)
g <- sample(c("E", "M", "H"), n, replace = TRUE, prob = c(0.35, 0.25, 0.4))
rows$grp <- g; rows$pool <- ifelse(g == "H", "H", "EM")
rows$yr <- sample(c("No", "Yes"), n, replace = TRUE)
area_eff <- rnorm(100)[as.integer(factor(paste(rows$stratum, rows$area)))]
rows$sw <- as.numeric(runif(n) < plogis(0.3 * area_eff + (g != "H") * 0.4))
rows$aw <- as.numeric(runif(n) < 0.5)
rows$api00 <- round(600 + 40 * area_eff + rnorm(n, 0, 60))
rows$api_na <- ifelse(rows$snum %% 7 == 0, NA, rows$api00)
rows$sw_na <- ifelse(rows$snum %% 5 == 0, NA, rows$sw)
rows$enroll <- round(runif(n, 100, 900))
rows$api.stu <- round(rows$enroll * runif(n, 0.7, 0.95))
ms3 <- rows
write.csv(ms3, "designs_ms3.csv", row.names = FALSE)

# 3. a paired design for BRR: 7 strata x 2 PSUs drawn from apiclus1's districts
clus1 <- prep(apiclus1)
d14 <- sort(unique(clus1$dnum))[1:14]
brr <- clus1[clus1$dnum %in% d14, ]
brr$pstr <- paste0("P", (match(brr$dnum, d14) + 1) %/% 2)
write.csv(brr[, c("dnum", "pstr", "pw", "snum", vars_keep)], "designs_brr.csv", row.names = FALSE)
write.csv(clus1[, c("dnum", "fpc", "pw", "snum", vars_keep)], "designs_clus1.csv", row.names = FALSE)
strat <- prep(apistrat)
write.csv(strat[, c("stype", "fpc", "pw", "snum", vars_keep)], "designs_strat.csv", row.names = FALSE)

reps_meta <- NULL
supplied <- function(name, rd, data) {
  # write R's replicate analysis weights; the engine reads them as a supplied design
  W <- weights(rd, "analysis")
  colnames(W) <- paste0("rep", seq_len(ncol(W)))
  write.csv(W, paste0("designs_rep_", name, ".csv"), row.names = FALSE)
  reps_meta <<- rbind(reps_meta, data.frame(
    design = name, type = rd$type, scale = sprintf("%.17g", rd$scale),
    rscales = paste(sprintf("%.17g", rd$rscales), collapse = ";"), mse = isTRUE(rd$mse),
    rho = ifelse(is.null(rd$rho), 0, rd$rho), replicates = ncol(W)))
  rd
}

lin <- list(
  ms_clus2 = function() svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = clus2),
  ms_clus2_fpc1 = function() svydesign(ids = ~dnum, fpc = ~fpc1, weights = ~pw, data = clus2),
  ms_clus2_nofpc = function() svydesign(ids = ~dnum + snum, weights = ~pw, data = clus2),
  ms3 = function() svydesign(ids = ~area + seg + hh, strata = ~stratum, fpc = ~N1 + N2 + N3,
                             weights = ~w, data = ms3, nest = TRUE),
  ms3_st2 = function() svydesign(ids = ~area + seg + hh, strata = ~stratum + st2,
                                 fpc = ~N1 + N2 + N3, weights = ~w, data = ms3, nest = TRUE),
  ms3_two = function() svydesign(ids = ~area + seg, strata = ~stratum, fpc = ~N1 + N2,
                                 weights = ~w, data = ms3, nest = TRUE)
)
rep <- list(
  jk1_gen = function() as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1), type = "JK1"),
  jk1_gen_mse = function() as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, data = clus1), type = "JK1", mse = TRUE),
  jkn_gen = function() as.svrepdesign(svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat), type = "JKn"),
  jkn_gen_lonely = function() as.svrepdesign(svydesign(ids = ~area, strata = ~stratum, weights = ~w, data = ms3, nest = TRUE), type = "JKn"),
  brr_gen = function() as.svrepdesign(svydesign(ids = ~dnum, strata = ~pstr, weights = ~pw, data = brr, nest = TRUE), type = "BRR"),
  fay_gen = function() as.svrepdesign(svydesign(ids = ~dnum, strata = ~pstr, weights = ~pw, data = brr, nest = TRUE), type = "Fay", fay.rho = 0.3),
  boot_sup = function() supplied("boot_sup", as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, data = clus1), type = "bootstrap", replicates = 60), clus1),
  jkn_sup = function() supplied("jkn_sup", as.svrepdesign(svydesign(ids = ~area, strata = ~stratum, weights = ~w, data = ms3, nest = TRUE), type = "JKn"), ms3),
  brr_sup = function() supplied("brr_sup", as.svrepdesign(svydesign(ids = ~dnum, strata = ~pstr, weights = ~pw, data = brr, nest = TRUE), type = "BRR"), brr),
  fay_sup = function() supplied("fay_sup", as.svrepdesign(svydesign(ids = ~dnum, strata = ~pstr, weights = ~pw, data = brr, nest = TRUE), type = "Fay", fay.rho = 0.5), brr)
)
# successive difference and uncombined multipliers: svrepdesign on the bootstrap multipliers
set.seed(7)
rd_boot <- as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, data = clus1), type = "bootstrap", replicates = 20)
M <- as.matrix(rd_boot$repweights)  # multipliers (combined.weights = FALSE)
colnames(M) <- paste0("rep", seq_len(ncol(M)))
write.csv(M, "designs_rep_sdr_mult.csv", row.names = FALSE)
rep$sdr_mult <- function() svrepdesign(variables = clus1, repweights = M, weights = ~pw, data = clus1,
                                       type = "successive-difference", combined.weights = FALSE)
rep$other_mult_mse <- function() svrepdesign(variables = clus1, repweights = M, weights = ~pw, data = clus1,
                                             type = "bootstrap", combined.weights = FALSE, mse = TRUE)

`%||%` <- function(a, b) if (is.null(a)) b else a
vars <- list(
  list(v = "sw", stat = "proportion"), list(v = "sw_na", stat = "proportion"),
  list(v = "api00", stat = "mean"), list(v = "api_na", stat = "mean"),
  list(v = "enroll", stat = "total"), list(v = "api.stu", den = "enroll", stat = "ratio"),
  list(v = "api00", stat = "median"), list(v = "api_na", stat = "median")
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
  df <- degf(sub)
  deff <- NA
  if (spec$stat %in% c("proportion", "mean")) {
    m <- svymean(f, sub, deff = "replace")
    est <- coef(m)[[1]]; se <- SE(m)[[1]]; deff <- deff(m)[[1]]
    ci <- confint(m, df = df); lo <- ci[1]; hi <- ci[2]
    if (spec$stat == "proportion") {
      # svyglm fails on some replicates of a proportion near 0 or 1: no golden interval then
      cp <- tryCatch(svyciprop(f, sub, method = "logit"), error = function(e) NULL)
      lo <- if (is.null(cp)) NA else attr(cp, "ci")[[1]]
      hi <- if (is.null(cp)) NA else attr(cp, "ci")[[2]]
    }
  } else if (spec$stat == "total") {
    m <- svytotal(f, sub, deff = "replace")
    est <- coef(m)[[1]]; se <- SE(m)[[1]]; deff <- deff(m)[[1]]
    ci <- confint(m, df = df); lo <- ci[1]; hi <- ci[2]
  } else if (spec$stat == "ratio") {
    m <- svyratio(f, as.formula(paste0("~", spec$den)), sub)
    est <- coef(m)[[1]]; se <- SE(m)[[1]]
    ci <- confint(m, df = df); lo <- ci[1]; hi <- ci[2]
  } else {
    r <- svyquantile(f, sub, 0.5)[[1]]
    est <- r[1, "quantile"]; lo <- r[1, 2]; hi <- r[1, 3]; se <- r[1, 4]  # "se" or "se.97.5" (replicates)
  }
  data.frame(v = spec$v, stat = spec$stat, group = g, level = ifelse(is.na(lev), "total", lev),
             estimate = est, se = se, ci_low = lo, ci_high = hi, deff = deff, df = df, n = sum(ok))
}

cmp_rows <- function(des, v, byvar, stat = "mean", id = v) {
  d2 <- if (stat == "ratio") subset(des, !is.na(get(v)) & !is.na(enroll)) else subset(des, !is.na(get(v)))
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
                                 se_difference = SE(cc)[[1]], df = degf(des)))
  }
  out
}

est_out <- NULL; cmp_out <- NULL
digits17 <- function(d) {
  for (k in names(d)) if (is.double(d[[k]])) d[[k]] <- ifelse(is.na(d[[k]]), NA, sprintf("%.17g", d[[k]]))
  d
}
save <- function() {
  if (is.null(est_out)) return(invisible())
  write.csv(digits17(est_out), paste0("golden_designs_", part, "_estimates.csv"), row.names = FALSE)
  write.csv(digits17(cmp_out), paste0("golden_designs_", part, "_comparisons.csv"), row.names = FALSE)
  if (part == "replicate") write.csv(reps_meta, "golden_designs_replicates.csv", row.names = FALSE)
}
run <- function(label, des) {
  for (spec in vars) for (g in names(groups)) for (lev in c(NA, "No", "Yes")) {
    r <- one(des, spec, g, lev)
    if (!is.null(r)) { r$design <- label; est_out <<- rbind(est_out, r) }
  }
  for (byvar in c("total", "yr")) {
    for (v in c("sw", "api_na")) { r <- cmp_rows(des, v, byvar); r$design <- label; cmp_out <<- rbind(cmp_out, r) }
    r <- cmp_rows(des, "enroll", byvar, "total"); r$design <- label; cmp_out <<- rbind(cmp_out, r)
    r <- cmp_rows(des, "api.stu", byvar, "ratio", "api_stu"); r$design <- label; cmp_out <<- rbind(cmp_out, r)
  }
}
if (part == "linear") for (dn in names(lin)) {
  rules <- if (startsWith(dn, "ms3")) c("remove", "certainty", "adjust") else "adjust"
  for (rule in rules) {
    options(survey.lonely.psu = rule)
    run(if (startsWith(dn, "ms3")) paste0(dn, "_", rule) else dn, lin[[dn]]())
  }
}
options(survey.lonely.psu = "adjust")
set.seed(11)
if (part == "replicate") for (dn in names(rep)) {
  rd <- rep[[dn]]()
  if (!(dn %in% reps_meta$design))
    reps_meta <- rbind(reps_meta, data.frame(
      design = dn, type = rd$type, scale = sprintf("%.17g", rd$scale),
      rscales = paste(sprintf("%.17g", rd$rscales), collapse = ";"), mse = isTRUE(rd$mse),
      rho = ifelse(is.null(rd$rho), 0, rd$rho), replicates = ncol(weights(rd, "analysis"))))
  run(paste0("rep_", dn), rd)
  save()  # after each design: a long run keeps what it has done
}
save()
writeLines(c(R.version.string, paste("survey", packageVersion("survey"))), "golden_designs_versions.txt")
