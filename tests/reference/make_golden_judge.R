# Golden values for judging gaps and intervals at the edges (tests/stats/test_stats_ci_golden.py,
# tests/stats/test_stats_judge_golden.py). Run from this folder after make_golden.R (it reads
# api_*.csv and golden_comparisons.csv):  Rscript make_golden_judge.R
# Writes golden_ciprop.csv (svyciprop's methods, log-scale totals), golden_padjust.csv (p.adjust
# on test vectors), golden_padjust_api.csv (p.adjust and TOST p-values of the api comparisons).
suppressPackageStartupMessages(library(survey))
options(digits = 17, survey.lonely.psu = "adjust")
alpha <- 0.05

strat <- read.csv("api_strat.csv"); clus1 <- read.csv("api_clus1.csv"); clus2 <- read.csv("api_clus2.csv")
add <- function(d) { d$rare <- as.numeric(d$api00 > 880); d$yr <- as.character(d$yr); d }
strat <- add(strat); clus1 <- add(clus1); clus2 <- add(clus2)
designs <- list(
  strat = function() svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat),
  clus1 = function() svydesign(id = ~dnum, weights = ~pw, data = clus1),
  clus2 = function() svydesign(id = ~dnum, weights = ~pw, data = clus2)
)
groups <- list(E = "E", M = "M", H = "H", all_displaced = c("E", "M"))
methods <- c("logit", "xlogit", "beta", "asin", "mean")

ci_rows <- function(des, v, g, lev, dn) {
  d <- des$variables
  ok <- d$grp %in% groups[[g]] & !is.na(d[[v]])
  if (!is.na(lev)) ok <- ok & d$yr == lev
  if (sum(ok) < 3) return(NULL)
  sub <- des[ok, ]
  n <- sum(ok); df <- degf(sub)
  f <- as.formula(paste0("~", v))
  m <- svymean(f, sub); p <- coef(m)[[1]]; se <- SE(m)[[1]]
  out <- NULL
  for (meth in methods) {
    source <- "svyciprop"
    if (p == 0 || p == 1) {
      # the engine's documented edge interval: Korn-Graubard with n* = cases x df factor (R's
      # own svyciprop(method = "beta") gives NaN there: 0/0)
      neff <- n * (qt(alpha / 2, n - 1) / qt(alpha / 2, df))^2
      ci <- c(qbeta(alpha / 2, neff * p, neff * (1 - p) + 1), qbeta(1 - alpha / 2, neff * p + 1, neff * (1 - p)))
      source <- "kg_edge"
    } else {
      ci <- as.numeric(attr(svyciprop(f, sub, method = meth), "ci"))
      if (meth == "asin") {
        a <- asin(sqrt(p)); h <- qt(1 - alpha / 2, df) * se / (2 * sqrt(p * (1 - p)))
        if (a - h < 0 || a + h > pi / 2) source <- "asin_folded"  # R folds the angle back
      }
    }
    out <- rbind(out, data.frame(design = dn, v = v, group = g, level = ifelse(is.na(lev), "total", lev),
                                 method = meth, estimate = p, se = se, n = n, df = df,
                                 ci_low = ci[1], ci_high = ci[2], source = source))
  }
  # totals on the log scale: svycontrast on log(total), back-transformed
  ok2 <- ok & !is.na(d$enroll)
  sub2 <- des[ok2, ]
  tt <- svytotal(~enroll, sub2)
  lt <- svycontrast(tt, quote(log(enroll)))
  ci <- exp(as.numeric(confint(lt, df = degf(sub2))))
  out <- rbind(out, data.frame(design = dn, v = "enroll", group = g, level = ifelse(is.na(lev), "total", lev),
                               method = "log", estimate = coef(tt)[[1]], se = SE(tt)[[1]], n = sum(ok2), df = degf(sub2),
                               ci_low = ci[1], ci_high = ci[2], source = "svycontrast"))
  out
}

ci_out <- NULL
for (dn in names(designs)) {
  des <- designs[[dn]]()
  for (v in c("sw", "sw_na", "aw", "rare")) for (g in names(groups)) for (lev in c(NA, "No", "Yes")) {
    r <- ci_rows(des, v, g, lev, dn)
    if (!is.null(r)) ci_out <- rbind(ci_out, if (v == "sw") r else r[r$method != "log", ])
  }
}

# p.adjust on test vectors: ties, NA, one and two values, many small p-values
set.seed(17)
fams <- list(
  a = c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, NA, 0.0001, 0.5),
  b = runif(25)^3,
  c = c(0.03),
  d = c(0.02, 0.049),
  e = c(NA, NA, 0.01, 0.01, 0.01, 0.7),
  f = c(1e-12, 3e-8, 0.2, 0.21, 0.22, 0.99, 1)
)
pm <- c("holm", "hochberg", "BH", "BY", "bonferroni", "none")
pa_out <- NULL
for (nm in names(fams)) {
  p <- fams[[nm]]
  row <- data.frame(family = nm, i = seq_along(p), p = p)
  for (meth in pm) row[[meth]] <- p.adjust(p, method = meth)
  pa_out <- rbind(pa_out, row)
}

# the api comparisons (golden_comparisons.csv, R's own differences and SEs): p-values, p.adjust
# per family (design x group x level: the indicators of one criterion), TOST p with margin
# 0.05 for the proportions. A total (enroll: svytotal) is described per group but not judged
# (stats/comparisons.py, not_compared_reason = population_total: totals of populations of
# different size say how many, not who is better off), so it is not in any family: its p-value
# stays (the engine's contrast is checked against it), its adjusted p-values are NA and the
# other indicators are adjusted among themselves.
gc <- read.csv("golden_comparisons.csv")
gc <- gc[gc$design %in% c("strat", "clus1", "clus2"), ]
gc$p_value <- 2 * pt(-abs(gc$difference / gc$se_difference), gc$df)
gc$family <- paste(gc$design, gc$group, gc$level)
judged <- gc$v != "enroll"
for (meth in c("holm", "BH")) {
  gc[[meth]] <- NA
  for (fam in unique(gc$family)) {
    k <- gc$family == fam & judged
    gc[[meth]][k] <- p.adjust(gc$p_value[k], method = meth)
  }
}
m <- 0.05
gc$tost_p <- ifelse(gc$v %in% c("sw", "sw_na"),
  pmax(pt((gc$difference + m) / gc$se_difference, gc$df, lower.tail = FALSE),
       pt((gc$difference - m) / gc$se_difference, gc$df)), NA)

digits17 <- function(d) {
  for (k in names(d)) if (is.double(d[[k]])) d[[k]] <- ifelse(is.na(d[[k]]), NA, sprintf("%.17g", d[[k]]))
  d
}
write.csv(digits17(ci_out), "golden_ciprop.csv", row.names = FALSE)
write.csv(digits17(pa_out), "golden_padjust.csv", row.names = FALSE)
write.csv(digits17(gc[, c("design", "v", "group", "level", "p_value", "holm", "BH", "tost_p")]),
          "golden_padjust_api.csv", row.names = FALSE)
