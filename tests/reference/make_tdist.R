# R's pt/qt for golden_tdist.csv (tests/stats/test_stats_tdist.py), after make_tdist.py.
# Run from this folder:  Rscript make_tdist.R
# Fills the column r: two_sided_p = 2 * pt(-abs(x), df); t_crit = qt(1 - x/2, df); qt = qt(x, df),
# written with 17 significant digits. Every other column is copied through as text.
d <- read.csv("golden_tdist.csv", colClasses = "character")
x <- as.numeric(d$x)
df <- as.numeric(d$df)
r <- rep(NA_real_, nrow(d))
k <- d$kind == "two_sided_p"; r[k] <- 2 * pt(-abs(x[k]), df[k])
k <- d$kind == "t_crit"; r[k] <- qt(1 - x[k] / 2, df[k])
k <- d$kind == "qt"; r[k] <- qt(x[k], df[k])
stopifnot(!anyNA(r))
d$r <- sprintf("%.17g", r)
write.csv(d, "golden_tdist.csv", row.names = FALSE, quote = FALSE)
cat(nrow(d), "rows;", R.version.string, "\n")
