# Golden values for changes between independent survey rounds of multistage and replicate-weight
# designs (issue 19 item 4), on rounds_stacked.csv (make_rounds_data.py). Run from this folder:
#   Rscript make_golden_rounds_designs.R
# Writes rounds_designs.csv (the rows with the stage-2 FPCs added) and golden_rounds_designs.csv.
# Versions: golden_versions.txt (R 4.2, survey 4.1.1).
#
# Independent rounds share nothing, so both rounds stacked with round-specific strata and
# clusters form one design whose variance is the sum of the rounds' variances:
#   ms2_independent  ids = ~rpsu + rhh, strata = ~rstr, fpc = ~fpc1 + fpc2 (two stages, FPCs)
#   jkn_independent  as.svrepdesign(ids = ~rpsu, strata = ~rstr, type = "JKn", mse = TRUE): the
#                    replicates of one round leave the other round's estimates unchanged, so
#                    (with mse = TRUE) the variance of a change is V(round 0) + V(round 1),
#                    each from its own round's JKn replicates
# For every indicator, breakdown cell and group (1, 2, 3, all displaced = 1+2): the change
# (round 1 minus round 0) and for displaced groups the change in the gap with the comparator 3,
# svyby(covmat = TRUE) on subset(design, !is.na(y)) then svycontrast; and the IDP stock (weighted
# households per group, svytotal of ones) and its change (indicator_id "_stock").
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
d <- read.csv("rounds_stacked.csv", stringsAsFactors = FALSE)
d$grp <- as.character(d$grp)
d$pool <- ifelse(d$grp %in% c("1", "2"), "all", d$grp)
d$rpsu <- paste(d$round, d$psu)
d$rstr <- paste(d$round, d$stratum)
d$rhh <- paste(d$round, d$hh_id)
d$one <- 1
# stage FPCs: 4 times the sampled clusters of the round's stratum, 6 times the sampled
# households of the cluster (population sizes, constant within their stratum / cluster)
n_psu <- tapply(d$rpsu, d$rstr, function(x) length(unique(x)))
n_hh <- table(d$rpsu)
d$fpc1 <- 4 * as.numeric(n_psu[d$rstr])
d$fpc2 <- 6 * as.numeric(n_hh[d$rpsu])
write.csv(d[, c("round", "hh_id", "stratum", "psu", "weight", "grp", "sex", "y_prop", "y_mean",
                "y_total", "y_num", "y_den", "fpc1", "fpc2")], "rounds_designs.csv",
          row.names = FALSE)
designs <- list(
  ms2_independent = svydesign(ids = ~rpsu + rhh, strata = ~rstr, fpc = ~fpc1 + fpc2,
                              weights = ~weight, data = d, nest = TRUE),
  jkn_independent = as.svrepdesign(
    svydesign(ids = ~rpsu, strata = ~rstr, weights = ~weight, data = d, nest = TRUE),
    type = "JKn", mse = TRUE)
)
f17 <- function(x) ifelse(is.na(x), NA, sprintf("%.17g", x))
inds <- list(y_prop = "mean", y_mean = "mean", y_total = "total", y_ratio = "ratio",
             `_stock` = "stock")
out <- list()
for (dn in names(designs)) for (ind in names(inds)) {
  des <- designs[[dn]]
  stat <- inds[[ind]]
  sub <- if (stat == "ratio") subset(des, !is.na(y_num) & !is.na(y_den)) else
    if (stat == "stock") des else subset(des, !is.na(get(ind)))
  for (by in if (stat == "stock") "total" else c("total", "sex")) for (gv in c("grp", "pool")) {
    byf <- if (by == "total") as.formula(paste0("~round+", gv)) else
      as.formula(paste0("~round+", gv, "+sex"))
    b <- if (stat == "ratio") {
      svyby(~y_num, byf, sub, svyratio, denominator = ~y_den, covmat = TRUE)
    } else if (stat == "stock") {
      svyby(~one, byf, sub, svytotal, covmat = TRUE)
    } else {
      svyby(as.formula(paste0("~", ind)), byf, sub, if (stat == "total") svytotal else svymean,
            covmat = TRUE)
    }
    levs <- if (by == "total") "total" else c("F", "M")
    gs <- if (gv == "pool") "all" else c("1", "2", "3")
    for (lev in levs) for (g in gs) {
      key <- function(r, gg) if (lev == "total") paste0(r, ".", gg) else paste0(r, ".", gg, ".", lev)
      ch <- svycontrast(b, setNames(c(1, -1), c(key(1, g), key(0, g))))
      gap_est <- NA; gap_se <- NA
      if (g != "3" && stat != "stock") {
        gc <- svycontrast(b, setNames(c(1, -1, -1, 1),
                                      c(key(1, g), key(1, "3"), key(0, g), key(0, "3"))))
        gap_est <- coef(gc)[[1]]; gap_se <- SE(gc)[[1]]
      }
      out[[length(out) + 1]] <- data.frame(
        design = dn, indicator_id = ind, group = ifelse(g == "all", "all_displaced", g),
        disaggregation = by, level = lev, change = f17(coef(ch)[[1]]), se_change = f17(SE(ch)[[1]]),
        gap_change = f17(gap_est), se_gap_change = f17(gap_se), df = degf(des))
    }
  }
}
write.csv(do.call(rbind, out), "golden_rounds_designs.csv", row.names = FALSE)
