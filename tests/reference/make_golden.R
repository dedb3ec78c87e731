# Golden values for the analysis engine (tests/stats/test_stats_golden.py).
# Run from this folder:  Rscript make_golden.R
# Writes api_*.csv (the survey package's textbook data), golden_estimates.csv,
# golden_comparisons.csv and golden_versions.txt (R and survey versions used).
suppressPackageStartupMessages(library(survey))
data(api)
options(digits = 17)

prep <- function(d) {
  d$sw <- as.numeric(d$sch.wide == "Yes")
  d$aw <- as.numeric(d$awards == "Yes")
  d$api_na <- ifelse(d$snum %% 7 == 0, NA, d$api00)       # missing values
  d$sw_na <- ifelse(d$snum %% 5 == 0, NA, d$sw)
  d$grp <- as.character(d$stype)
  d$pool <- ifelse(d$stype == "H", "H", "EM")
  d$yr <- as.character(d$yr.rnd)
  d
}
strat <- prep(apistrat); clus1 <- prep(apiclus1); clus2 <- prep(apiclus2); clus2$fpc <- clus2$fpc1
# a design with one lonely PSU: district dnum of the first row of apiclus1 in its own stratum
clus1$lstr <- ifelse(clus1$dnum == clus1$dnum[1], "lonely", ifelse(clus1$dnum < 400, "s1", "s2"))
keep <- c("snum", "dnum", "stype", "pw", "fpc", "sw", "aw", "api00", "api_na", "sw_na", "enroll",
          "api.stu", "meals", "grp", "pool", "yr")
write.csv(strat[, keep], "api_strat.csv", row.names = FALSE)
write.csv(clus1[, c(keep, "lstr")], "api_clus1.csv", row.names = FALSE)
write.csv(clus2[, keep], "api_clus2.csv", row.names = FALSE)

designs <- list(
  strat_fpc = function() svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat),
  strat = function() svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat),
  clus1_fpc = function() svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1),
  clus1 = function() svydesign(id = ~dnum, weights = ~pw, data = clus1),
  clus2 = function() svydesign(id = ~dnum, weights = ~pw, data = clus2),
  unweighted = function() svydesign(id = ~dnum, data = clus1),
  lonely = function() svydesign(id = ~dnum, strata = ~lstr, weights = ~pw, data = clus1, nest = TRUE)
)
lonely_rules <- c("remove", "certainty", "adjust", "average")

vars <- list(
  list(v = "sw", stat = "proportion"), list(v = "sw_na", stat = "proportion"),
  list(v = "aw", stat = "proportion"), list(v = "api00", stat = "mean"),
  list(v = "api_na", stat = "mean"), list(v = "enroll", stat = "total"),
  list(v = "api.stu", den = "enroll", stat = "ratio"), list(v = "api00", stat = "median"),
  list(v = "api_na", stat = "median")
)
groups <- list(E = "E", M = "M", H = "H", all_displaced = c("E", "M"))

one <- function(des, spec, g, lev) {
  d <- des$variables
  ok <- d$grp %in% groups[[g]] & !is.na(d[[spec$v]])
  if (!is.null(spec$den)) ok <- ok & !is.na(d[[spec$den]])
  if (!is.na(lev)) ok <- ok & d$yr == lev
  if (sum(ok) < 3) return(NULL)
  sub <- des[ok, ]   # subset() semantics: all PSUs kept, zero weight outside
  f <- as.formula(paste0("~`", spec$v, "`"))
  df <- degf(sub)
  wald_lo <- NA; wald_hi <- NA; deff <- NA
  if (spec$stat %in% c("proportion", "mean")) {
    m <- svymean(f, sub, deff = "replace")
    est <- coef(m)[[1]]; se <- SE(m)[[1]]; deff <- deff(m)[[1]]
    ci <- confint(m, df = df)
    lo <- ci[1]; hi <- ci[2]; wald_lo <- lo; wald_hi <- hi
    if (spec$stat == "proportion") {
      cp <- svyciprop(f, sub, method = "logit")
      lo <- attr(cp, "ci")[[1]]; hi <- attr(cp, "ci")[[2]]
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
    q <- svyquantile(f, sub, 0.5)
    r <- q[[1]]
    est <- r[1, "quantile"]; lo <- r[1, 2]; hi <- r[1, 3]; se <- r[1, "se"]
  }
  data.frame(v = spec$v, stat = spec$stat, group = g, level = ifelse(is.na(lev), "total", lev),
             estimate = est, se = se, ci_low = lo, ci_high = hi, wald_low = wald_lo,
             wald_high = wald_hi, deff = deff, df = df, n = sum(ok))
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
  b <- by_(byf)
  bp <- by_(pb)
  out <- NULL
  levs <- if (byvar == "total") "total" else sort(unique(des$variables$yr))
  for (lev in levs) {
    for (g in c("E", "M", "all_displaced")) {
      bb <- if (g == "all_displaced") bp else b
      gname <- if (g == "all_displaced") "EM" else g
      nm <- if (lev == "total") c(gname, "H") else c(paste0(gname, ".", lev), paste0("H.", lev))
      if (!all(nm %in% names(coef(bb)))) next
      w <- setNames(c(1, -1), nm)
      cc <- tryCatch(svycontrast(bb, w), error = function(e) {
        message("skipped ", id, " ", g, " ", lev, ": ", conditionMessage(e)); NULL
      })
      if (is.null(cc)) next
      out <- rbind(out, data.frame(v = id, group = g, level = lev, difference = coef(cc)[[1]],
                                   se_difference = SE(cc)[[1]], df = degf(des)))
    }
  }
  out
}

est_out <- NULL; cmp_out <- NULL
for (dn in names(designs)) {
  rules <- if (dn == "lonely") lonely_rules else "adjust"
  for (rule in rules) {
    options(survey.lonely.psu = rule)
    des <- designs[[dn]]()
    label <- if (dn == "lonely") paste0("lonely_", rule) else dn
    for (spec in vars) for (g in names(groups)) for (lev in c(NA, "No", "Yes")) {
      r <- one(des, spec, g, lev)
      if (!is.null(r)) { r$design <- label; est_out <- rbind(est_out, r) }
    }
    for (byvar in c("total", "yr")) {
      for (v in c("sw", "sw_na", "api00", "api_na")) {
        r <- cmp_rows(des, v, byvar); r$design <- label; cmp_out <- rbind(cmp_out, r)
      }
      r <- cmp_rows(des, "enroll", byvar, "total"); r$design <- label; cmp_out <- rbind(cmp_out, r)
      r <- cmp_rows(des, "api.stu", byvar, "ratio", "api_stu"); r$design <- label
      cmp_out <- rbind(cmp_out, r)
    }
  }
}
digits17 <- function(d) {  # full precision (write.csv keeps only 15 significant digits)
  for (k in names(d)) if (is.double(d[[k]])) d[[k]] <- ifelse(is.na(d[[k]]), NA, sprintf("%.17g", d[[k]]))
  d
}
write.csv(digits17(est_out), "golden_estimates.csv", row.names = FALSE)
write.csv(digits17(cmp_out), "golden_comparisons.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("survey", packageVersion("survey"))), "golden_versions.txt")
