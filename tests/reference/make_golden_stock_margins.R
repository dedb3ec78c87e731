# Golden values for the IDP stock tables' margins (issue 20): a two-way table location x sex of
# displaced households has, per displaced group (1, 2) and for all displaced (1 + 2), its cells,
# each row level's total over the columns ("north, both sexes"), each column level's total over
# the rows ("female, all locations") and the group's total, each R's svytotal of ones on its
# own domain (subset() of the whole design: domain estimation). Data: stock_margins_data.csv
# (tests/stats/stats_synth.py households(500, 2): 4 strata x 6 PSUs, weights). Run from this
# folder:  Rscript make_golden_stock_margins.R   (R 4.2, survey 4.1.1; golden_versions.txt)
suppressPackageStartupMessages(library(survey))
d <- read.csv("stock_margins_data.csv", stringsAsFactors = FALSE, colClasses = c(X_group = "character"))
names(d) <- sub("^X_", "", names(d))
d$one <- 1
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
rows <- list()
add <- function(group, row, col, dom) {
  est <- svytotal(~one, subset(des, dom))
  rows[[length(rows) + 1]] <<- data.frame(group = group, row_value = row, col_value = col,
                                          estimate = coef(est)[[1]], se = SE(est)[[1]],
                                          n = sum(dom))
}
for (g in c("1", "2", "all_displaced")) {
  ing <- if (g == "all_displaced") d$group %in% c("1", "2") else d$group == g
  for (loc in c("north", "south")) {
    for (sx in c("female", "male")) add(g, loc, sx, ing & d$location == loc & d$sex == sx)
    add(g, loc, "_total", ing & d$location == loc)
  }
  for (sx in c("female", "male")) add(g, "_total", sx, ing & d$sex == sx)
  add(g, "_total", "_total", ing)
}
out <- do.call(rbind, rows)
write.csv(out, "golden_stock_margins.csv", row.names = FALSE)
