# Golden values for changes in medians between survey rounds (issue 19 item 3), on
# rounds_stacked.csv (make_rounds_data.py). Run from this folder:  Rscript make_golden_rounds_medians.R
# Writes golden_rounds_medians.csv. Versions: golden_versions.txt (R 4.2, survey 4.1.1).
#
# The median of y_mean in every round x group (1, 2, 3, all displaced = 1+2) x cell (total, sex)
# with svyquantile(~y_mean, subset(design, <domain>), 0.5) (qrule "math", Woodruff interval
# "mean": survey 4.x defaults) on the stacked design of make_golden_rounds.R (panel: shared
# clusters and strata; independent: round-specific ones). R gives no covariance of two quantiles
# of a linearisation design (svyby(svyquantile, covmat = TRUE) stops: "FUN does not return
# influence functions"), so the covariance is Woodruff's linearisation, as the engine computes
# it within a round: Cov(q_a, q_b) = Cov(F_a(q_a), F_b(q_b)) / (s_a s_b), where F_d(q_d) is the
# domain mean of 1[y <= q_d] — its covariance matrix from svyby(svymean, covmat = TRUE) on the
# stacked design — and s_d = SE(F_d) / SE(q_d) the slope of Woodruff's interval. The change
# (round 1 minus round 0) and the change in the gap with the comparator 3 are svycontrast-style
# linear combinations: Var(c'q) = c' S V_F S c with S = diag(1 / s).
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
d <- read.csv("rounds_stacked.csv", stringsAsFactors = FALSE)
d$grp <- as.character(d$grp)
d$pool <- ifelse(d$grp %in% c("1", "2"), "all", d$grp)
d$rpsu <- paste(d$round, d$psu)
d$rstr <- paste(d$round, d$stratum)
make <- function(dn, data) switch(dn,
  panel = svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = data, nest = TRUE),
  independent = svydesign(ids = ~rpsu, strata = ~rstr, weights = ~weight, data = data, nest = TRUE))
f17 <- function(x) ifelse(is.na(x), NA, sprintf("%.17g", x))
out <- list()
for (dn in c("panel", "independent")) {
  des <- make(dn, d)
  for (by in c("total", "sex")) for (gv in c("grp", "pool")) {
    levs <- if (by == "total") "total" else c("F", "M")
    gs <- if (gv == "pool") c("all", "3") else c("1", "2", "3")
    # each domain's median and its Woodruff SE
    q <- list(); se <- list()
    dom <- function(r, g, lev) paste(r, g, lev, sep = ".")
    for (r in 0:1) for (g in gs) for (lev in levs) {
      cond <- d$round == r & d[[gv]] == g & !is.na(d$y_mean)
      if (lev != "total") cond <- cond & d$sex == lev
      sq <- svyquantile(~y_mean, subset(des, cond), 0.5, ci = TRUE)
      q[[dom(r, g, lev)]] <- coef(sq)[[1]]; se[[dom(r, g, lev)]] <- SE(sq)[[1]]
    }
    # each row's indicator 1[y <= the median of its own domain], and the CDFs' covariance
    key <- paste(d$round, d[[gv]], if (by == "total") "total" else d$sex, sep = ".")
    thr <- unlist(q)[key]
    d2 <- d; d2$u <- as.numeric(d2$y_mean <= thr)
    des2 <- subset(make(dn, d2), !is.na(y_mean) & key %in% names(q))
    byf <- if (by == "total") as.formula(paste0("~round+", gv)) else
      as.formula(paste0("~round+", gv, "+sex"))
    b <- svyby(~u, byf, des2, svymean, covmat = TRUE)
    nm <- if (by == "total") paste(b$round, b[[gv]], "total", sep = ".") else
      paste(b$round, b[[gv]], b$sex, sep = ".")
    V <- vcov(b); dimnames(V) <- list(nm, nm)
    slope <- SE(b) / unlist(se)[nm]
    Q <- diag(1 / slope) %*% V %*% diag(1 / slope); dimnames(Q) <- list(nm, nm)
    qv <- unlist(q)[nm]
    contrast <- function(w) {
      k <- names(w)
      c(est = sum(w * qv[k]), se = sqrt(drop(t(w) %*% Q[k, k] %*% w)))
    }
    for (lev in levs) for (g in setdiff(gs, if (gv == "pool") "3" else character(0))) {
      ch <- contrast(setNames(c(1, -1), c(dom(1, g, lev), dom(0, g, lev))))
      gap <- c(est = NA, se = NA)
      if (g != "3") gap <- contrast(setNames(c(1, -1, -1, 1), c(dom(1, g, lev), dom(1, "3", lev),
                                                                  dom(0, g, lev), dom(0, "3", lev))))
      out[[length(out) + 1]] <- data.frame(
        design = dn, indicator_id = "y_med", group = ifelse(g == "all", "all_displaced", g),
        disaggregation = by, level = lev, median_from = f17(qv[[dom(0, g, lev)]]),
        median_to = f17(qv[[dom(1, g, lev)]]), change = f17(ch[["est"]]),
        se_change = f17(ch[["se"]]), gap_change = f17(gap[["est"]]),
        se_gap_change = f17(gap[["se"]]))
    }
  }
}
write.csv(do.call(rbind, out), "golden_rounds_medians.csv", row.names = FALSE)
