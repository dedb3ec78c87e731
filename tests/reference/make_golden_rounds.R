# Golden values for changes between survey rounds (issue 19), on rounds_stacked.csv (written by
# make_rounds_data.py). Run from this folder:  Rscript make_golden_rounds.R
# Writes golden_rounds.csv. Versions: golden_versions.txt (R 4.2.2, survey 4.1.1).
#
# Three stacked designs of the same rows:
#   panel        ids = ~psu (labels shared by the rounds), strata = ~stratum
#   independent  ids = ~round:psu, strata = ~round:stratum (nothing shared)
#   panel_hh     ids = ~hh_id (the household key links the rounds), strata = ~stratum
# For every indicator, breakdown cell and group (1, 2, 3, all displaced = 1+2), the change
# (round 1 minus round 0) and for displaced groups the change in the gap with the comparator 3:
# (g - 3 at round 1) - (g - 3 at round 0); svyby(covmat = TRUE) on subset(design, !is.na(y))
# then svycontrast.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
d <- read.csv("rounds_stacked.csv", stringsAsFactors = FALSE)
d$grp <- as.character(d$grp)
d$pool <- ifelse(d$grp %in% c("1", "2"), "all", d$grp)
d$rpsu <- paste(d$round, d$psu)
d$rstr <- paste(d$round, d$stratum)
designs <- list(
  panel = svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE),
  independent = svydesign(ids = ~rpsu, strata = ~rstr, weights = ~weight, data = d, nest = TRUE),
  panel_hh = svydesign(ids = ~hh_id, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
)
f17 <- function(x) ifelse(is.na(x), NA, sprintf("%.17g", x))
inds <- list(y_prop = "mean", y_mean = "mean", y_total = "total", y_ratio = "ratio")
out <- list()
for (dn in names(designs)) for (ind in names(inds)) {
  des <- designs[[dn]]
  stat <- inds[[ind]]
  sub <- if (stat == "ratio") subset(des, !is.na(y_num) & !is.na(y_den)) else
    subset(des, !is.na(get(ind)))
  for (by in c("total", "sex")) for (gv in c("grp", "pool")) {
    byf <- if (by == "total") as.formula(paste0("~round+", gv)) else
      as.formula(paste0("~round+", gv, "+sex"))
    b <- if (stat == "ratio") {
      svyby(~y_num, byf, sub, svyratio, denominator = ~y_den, covmat = TRUE)
    } else {
      svyby(as.formula(paste0("~", ind)), byf, sub, if (stat == "total") svytotal else svymean,
            covmat = TRUE)
    }
    nms <- names(coef(b))
    levs <- if (by == "total") "total" else c("F", "M")
    gs <- if (gv == "pool") "all" else c("1", "2", "3")
    for (lev in levs) for (g in gs) {
      key <- function(r, gg) if (lev == "total") paste0(r, ".", gg) else paste0(r, ".", gg, ".", lev)
      ch <- svycontrast(b, setNames(c(1, -1), c(key(1, g), key(0, g))))
      gap_est <- NA; gap_se <- NA
      if (g != "3") {
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
write.csv(do.call(rbind, out), "golden_rounds.csv", row.names = FALSE)
