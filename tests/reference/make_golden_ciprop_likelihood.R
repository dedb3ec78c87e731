# Golden values for svyciprop(method = "likelihood") (tests/stats/test_stats_ci_likelihood.py).
# Run from this folder after make_golden.R (it reads api_*.csv):
#   Rscript make_golden_ciprop_likelihood.R
# Writes golden_ciprop_likelihood.csv: the likelihood interval of proportions in every domain
# (group x year-round) of three linearisation designs and of JK1 replicates made from apiclus1.
suppressPackageStartupMessages(library(survey))
options(digits = 17, survey.lonely.psu = "adjust")

strat <- read.csv("api_strat.csv"); clus1 <- read.csv("api_clus1.csv"); clus2 <- read.csv("api_clus2.csv")
add <- function(d) { d$rare <- as.numeric(d$api00 > 880); d$yr <- as.character(d$yr); d }
strat <- add(strat); clus1 <- add(clus1); clus2 <- add(clus2)
designs <- list(
  strat = function() svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat),
  clus1 = function() svydesign(id = ~dnum, weights = ~pw, data = clus1),
  clus2 = function() svydesign(id = ~dnum, weights = ~pw, data = clus2),
  jk1 = function() as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = clus1), type = "JK1")
)
groups <- list(E = "E", M = "M", H = "H", all_displaced = c("E", "M"))

out <- NULL
for (dn in names(designs)) {
  des <- designs[[dn]]()
  for (v in c("sw", "sw_na", "aw", "rare")) for (g in names(groups)) for (lev in c(NA, "No", "Yes")) {
    d <- des$variables
    ok <- d$grp %in% groups[[g]] & !is.na(d[[v]])
    if (!is.na(lev)) ok <- ok & d$yr == lev
    if (sum(ok) < 3) next
    sub <- des[ok, ]
    f <- as.formula(paste0("~", v))
    p <- coef(svymean(f, sub))[[1]]
    if (p == 0 || p == 1) next  # the engine gives Korn-Graubard there (test_stats_ci_golden.py)
    cp <- tryCatch(svyciprop(f, sub, method = "likelihood"), error = function(e) NULL)
    if (is.null(cp)) next
    ci <- as.numeric(attr(cp, "ci"))
    out <- rbind(out, data.frame(design = dn, v = v, group = g, level = ifelse(is.na(lev), "total", lev),
                                 estimate = p, n = sum(ok), df = degf(sub), ci_low = ci[1], ci_high = ci[2]))
  }
}
digits17 <- function(d) {
  for (k in names(d)) if (is.double(d[[k]])) d[[k]] <- ifelse(is.na(d[[k]]), NA, sprintf("%.17g", d[[k]]))
  d
}
write.csv(digits17(out), "golden_ciprop_likelihood.csv", row.names = FALSE)
