# Golden values on a small Freedonia analysis frame (written by make_freedonia_data.py).
# Run from this folder:  Rscript make_golden_freedonia.R
# Writes golden_freedonia_estimates.csv and golden_freedonia_comparisons.csv; versions in
# golden_versions.txt (same R / survey as make_golden.R).
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
specs <- read.csv("freedonia_indicators.csv", stringsAsFactors = FALSE)
load_unit <- function(unit) {
  d <- read.csv(paste0("freedonia_", unit, ".csv"), check.names = FALSE, stringsAsFactors = FALSE)
  names(d) <- sub("^_", "d_", names(d))
  d$d_group <- as.character(d$d_group)
  d$pool <- ifelse(d$d_group %in% c("1", "2", "3"), "all", d$d_group)
  d
}
units <- list(household = load_unit("household"), individual = load_unit("individual"))
designs <- lapply(units, function(d) svydesign(ids = ~d_psu, strata = ~d_stratum,
                                               weights = ~d_weight, data = d, nest = TRUE))
groups <- list("1" = "1", "2" = "2", "3" = "3", "4" = "4", all_displaced = c("1", "2", "3"))
f17 <- function(x) ifelse(is.na(x), NA, sprintf("%.17g", x))

est_out <- list(); cmp_out <- list()
for (i in seq_len(nrow(specs))) {
  s <- specs[i, ]
  des <- designs[[s$unit]]; d <- des$variables
  y <- d[[s$id]]; den <- if (s$statistic == "ratio") d[[paste0(s$id, "__den")]] else NULL
  lv <- d[[s$disagg]]
  for (g in names(groups)) for (lev in c(NA, sort(unique(lv[!is.na(lv)])))) {
    ok <- d$d_group %in% groups[[g]] & !is.na(y)
    if (!is.null(den)) ok <- ok & !is.na(den)
    if (!is.na(lev)) ok <- ok & !is.na(lv) & lv == lev
    if (sum(ok) < 3) next
    sub <- des[ok, ]
    f <- as.formula(paste0("~`", s$id, "`"))
    if (s$statistic == "ratio") {
      m <- svyratio(f, as.formula(paste0("~`", s$id, "__den`")), sub)
      ci <- confint(m, df = degf(sub))
    } else {
      m <- svymean(f, sub)
      ci <- confint(m, df = degf(sub))
      if (s$statistic == "proportion") ci <- attr(svyciprop(f, sub, method = "logit"), "ci")
    }
    est_out[[length(est_out) + 1]] <- data.frame(
      indicator_id = s$id, group = g, disaggregation = ifelse(is.na(lev), "total", s$disagg),
      level = ifelse(is.na(lev), "total", lev), estimate = f17(coef(m)[[1]]),
      se = f17(SE(m)[[1]]), ci_low = f17(ci[[1]]), ci_high = f17(ci[[2]]), df = degf(sub),
      n = sum(ok))
  }
  if (s$statistic == "ratio") next
  d2 <- subset(des, !is.na(get(s$id)))
  for (by in c("total", s$disagg)) {
    for (pooled in c(FALSE, TRUE)) {
      gv <- if (pooled) "pool" else "d_group"
      byf <- if (by == "total") as.formula(paste0("~", gv)) else as.formula(paste0("~", gv, "+", by))
      b <- svyby(as.formula(paste0("~`", s$id, "`")), byf, d2, svymean, covmat = TRUE)
      levs <- if (by == "total") "total" else sort(unique(lv[!is.na(lv)]))
      gs <- if (pooled) "all" else c("1", "2", "3")
      for (lev in levs) for (g in gs) {
        nm <- if (lev == "total") c(g, "4") else c(paste0(g, ".", lev), paste0("4.", lev))
        if (!all(nm %in% names(coef(b)))) next
        cc <- svycontrast(b, setNames(c(1, -1), nm))
        cmp_out[[length(cmp_out) + 1]] <- data.frame(
          indicator_id = s$id, group = ifelse(g == "all", "all_displaced", g),
          disaggregation = by, level = lev, difference = f17(coef(cc)[[1]]),
          se_difference = f17(SE(cc)[[1]]), df = degf(des))
      }
    }
  }
}
write.csv(do.call(rbind, est_out), "golden_freedonia_estimates.csv", row.names = FALSE)
write.csv(do.call(rbind, cmp_out), "golden_freedonia_comparisons.csv", row.names = FALSE)
