# Error behaviour: each bad input must give exit 3 (input) or 4 (analysis) with a short message on
# stderr, no stack trace, and never NaN/Infinity on stdout. Run: Rscript verification/errors/check_errors.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
od <- outdir("errors")
w <- function(name, d) { f <- file.path(od, name); write.csv(d, f, row.names = FALSE, na = ""); f }
base <- gen_apim(601, 30, dist = TRUE)
base <- base[order(base$dyad, base$role), ]
ok <- w("ok.csv", base)
nonnum <- base; nonnum$y <- as.character(nonnum$y); nonnum$y[7] <- "n/a?"; f_nonnum <- w("nonnum.csv", nonnum)
samerole <- base; samerole$role[samerole$dyad == samerole$dyad[1]] <- "M"; f_samerole <- w("samerole.csv", samerole)
three <- rbind(base, transform(base[1, ], role = "F", y = 1)); f_three <- w("three.csv", three)
const <- base; const$x2 <- 5; f_const <- w("const.csv", const)
coll <- base; coll$x2 <- 2 * coll$x1 + 1; f_coll <- w("collinear.csv", coll)
one <- base[base$dyad == base$dyad[1], ]; f_one <- w("one_dyad.csv", one)
two <- base[base$dyad %in% unique(base$dyad)[1:2], ]; f_two <- w("two_dyads.csv", two)
three_d <- base[base$dyad %in% unique(base$dyad)[1:3], ]; f_three_d <- w("three_dyads.csv", three_d)
roleconst <- base; roleconst$x1[roleconst$role == "M"] <- 2; f_roleconst <- w("role_constant.csv", roleconst)
yconst <- base; yconst$y <- 4; f_yconst <- w("y_constant.csv", yconst)
rho1 <- base; rho1$y <- ave(rho1$x1 * 0 + rnorm(nrow(rho1)), rho1$dyad); f_rho1 <- w("y_dyad_level.csv", rho1)
exact <- base; exact$y <- 1 + 2 * exact$x1; f_exact <- w("y_exact.csv", exact)
ally <- base; ally$y <- NA; f_ally <- w("y_all_missing.csv", ally)
norole <- base; norole$role[5] <- NA; f_norole <- w("role_missing.csv", norole)
threeroles <- base; threeroles$role[3] <- "X"; f_threeroles <- w("three_roles.csv", threeroles)
nodyad <- base; nodyad$dyad[4] <- NA; f_nodyad <- w("dyad_missing.csv", nodyad)
badline <- file.path(od, "ragged.csv"); writeLines(c("dyad,role,x1,y", "a,M,1,2", "a,F,2", "b,M,3,4,5", "b,F,1,1"), badline)
empty <- file.path(od, "empty.csv"); writeLines("dyad,role,x1,y", empty)
items <- data.frame(id = 1:20, matrix(sample(1:5, 20 * 7, TRUE), 20)); names(items)[-1] <- paste0("R", 1:7)
items_const <- items; items_const$R3 <- 3; f_items_const <- w("ras_const.csv", items_const)
f_items2 <- w("ras_two.csv", items[1:2, ])
f_items_ok <- w("ras_ok.csv", items)

A <- function(f, ...) c("apim", "--input", f, "--dyad", "dyad", "--y", "y", ...)
R <- c("--role", "role", "--roles", "M,F")
cases <- list(
  list("apim missing file", A(file.path(od, "nope.csv"), "--x", "x1"), 3),
  list("apim missing column --y", c("apim", "--input", ok, "--dyad", "dyad", "--y", "nope", "--x", "x1"), 3),
  list("apim missing column --x", A(ok, "--x", "nope"), 3),
  list("apim missing dyad column", c("apim", "--input", ok, "--dyad", "couple", "--y", "y", "--x", "x1"), 3),
  list("apim non-numeric cell", A(f_nonnum, "--x", "x1"), 3),
  list("apim role does not distinguish", A(f_samerole, "--x", "x1", R), 3),
  list("apim three persons in a dyad", A(f_three, "--x", "x1"), 3),
  list("apim three role values", A(f_threeroles, "--x", "x1", R), 3),
  list("apim missing role value", A(f_norole, "--x", "x1", R), 3),
  list("apim missing dyad id", A(f_nodyad, "--x", "x1"), 3),
  list("apim ragged rows", A(badline, "--x", "x1"), 3),
  list("apim header only (no data rows; DESIGN: no valid rows = 3)", A(empty, "--x", "x1"), 3),
  list("apim constant predictor", A(f_const, "--x", "x1", "--x", "x2"), 4),
  list("apim constant covariate", A(f_const, "--x", "x1", "--covariate", "x2"), 4),
  list("apim collinear predictors", A(f_coll, "--x", "x1", "--x", "x2"), 4),
  list("apim predictor constant in one role", A(f_roleconst, "--x", "x1", R), 4),
  list("apim constant outcome", A(f_yconst, "--x", "x1"), 4),
  list("apim outcome all missing", A(f_ally, "--x", "x1"), 4),
  list("apim 1 dyad", A(f_one, "--x", "x1"), 4),
  list("apim 2 dyads indist", A(f_two, "--x", "x1"), 4),
  list("apim 2 dyads dist", A(f_two, "--x", "x1", R), 4),
  list("apim 3 dyads dist", A(f_three_d, "--x", "x1", R), NA),
  list("apim 3 dyads indist", A(f_three_d, "--x", "x1"), NA),
  list("apim outcome constant within dyads (rho -> 1)", A(f_rho1, "--x", "x1"), NA),
  list("apim exact fit (RSS 0)", A(f_exact, "--x", "x1"), 4),
  list("apim 2 dyads indist json", c(A(f_two, "--x", "x1"), "--format", "json"), 4),
  list("apim bootstrap without seed", c(A(ok, "--x", "x1"), "--bootstrap", "10"), 2),
  list("apim --k on 3 dyads", c(A(f_three_d, "--x", "x1"), "--k", "--format", "json"), NA),
  list("distinguishability no role", c("distinguishability", "--input", ok, "--dyad", "dyad", "--y", "y", "--x", "x1"), 2),
  list("distinguishability 3 dyads", c("distinguishability", "--input", f_three_d, "--dyad", "dyad", "--y", "y", "--x", "x1", R), 4),
  list("distinguishability collinear", c("distinguishability", "--input", f_coll, "--dyad", "dyad", "--y", "y", "--x", "x1", "--x", "x2", R), 4),
  list("nonindependence 2 dyads", c("nonindependence", "--input", f_two, "--dyad", "dyad", "--var", "y", R), 4),
  list("nonindependence 2 dyads indist", c("nonindependence", "--input", f_two, "--dyad", "dyad", "--var", "y"), 4),
  list("nonindependence constant", c("nonindependence", "--input", f_const, "--dyad", "dyad", "--var", "x2", R), 4),
  list("nonindependence constant indist", c("nonindependence", "--input", f_const, "--dyad", "dyad", "--var", "x2"), 4),
  list("nonindependence r = 1", c("nonindependence", "--input", f_rho1, "--dyad", "dyad", "--var", "y", R), 4),
  list("nonindependence icc = 1 indist", c("nonindependence", "--input", f_rho1, "--dyad", "dyad", "--var", "y"), 4),
  list("nonindependence non-numeric", c("nonindependence", "--input", f_nonnum, "--dyad", "dyad", "--var", "y", R), 3),
  list("nonindependence three persons", c("nonindependence", "--input", f_three, "--dyad", "dyad", "--var", "y"), 3),
  list("nonindependence 3 dyads json", c("nonindependence", "--input", f_three_d, "--dyad", "dyad", "--var", "y", R, "--format", "json"), NA),
  list("correlate constant", c("correlate", "--input", f_const, "--dyad", "dyad", "--vars", "x1,x2", R), 4),
  list("correlate constant indist", c("correlate", "--input", f_const, "--dyad", "dyad", "--vars", "x1,x2"), 4),
  list("correlate missing column", c("correlate", "--input", ok, "--dyad", "dyad", "--vars", "x1,nope", R), 3),
  list("correlate 3 dyads indist json", c("correlate", "--input", f_three_d, "--dyad", "dyad", "--vars", "x1,y", "--format", "json"), NA),
  list("correlate 3 dyads dist json", c("correlate", "--input", f_three_d, "--dyad", "dyad", "--vars", "x1,y", R, "--format", "json"), NA),
  list("score missing file", c("score", "--instrument", "ras", "--input", file.path(od, "nope.csv"), "--output", file.path(od, "o.csv"), "--items", "R{n}"), 3),
  list("score missing item column", c("score", "--instrument", "ras", "--input", f_nonnum, "--output", file.path(od, "o.csv"), "--items", "R{n}"), 3),
  list("score unknown instrument", c("score", "--instrument", "rass", "--input", f_items_ok, "--output", file.path(od, "o.csv"), "--items", "R{n}"), 3),
  list("score unsupported total", c("score", "--instrument", "ras", "--input", f_items_ok, "--output", file.path(od, "o.csv"), "--items", "R{n}", "--total", "mean-of-subscales"), 2),
  list("score bad min-answered", c("score", "--instrument", "ras", "--input", f_items_ok, "--output", file.path(od, "o.csv"), "--items", "R{n}", "--min-answered", "1.5"), 2),
  list("score output folder missing", c("score", "--instrument", "ras", "--input", f_items_ok, "--output", file.path(od, "no/such/o.csv"), "--items", "R{n}"), 3),
  list("reliability constant item", c("reliability", "--instrument", "ras", "--input", f_items_const, "--items", "R{n}"), 4),
  list("reliability 2 respondents", c("reliability", "--instrument", "ras", "--input", f_items2, "--items", "R{n}"), 4),
  list("reliability missing column", c("reliability", "--instrument", "ras", "--input", ok, "--items", "R{n}"), 3),
  list("reliability missing file", c("reliability", "--instrument", "ras", "--input", file.path(od, "nope.csv"), "--items", "R{n}"), 3)
)
res <- list()
for (cs in cases) {
  r <- dyadkit(cs[[2]])
  lines <- strsplit(r$stderr, "\n")[[1]]
  lines <- lines[!grepl("^dyadkit: note:|^dyadkit: building|^\\s*$", lines)]
  trace <- any(grepl("Exception|\\tat |^\\s+at [a-z]", lines))
  nan <- grepl("NaN|Infinity", r$stdout)
  exp <- cs[[3]]
  good <- (is.na(exp) && r$status %in% c(0, 4)) || (!is.na(exp) && r$status == exp)
  # usage errors (exit 2) add picocli's "Run ... --help" line
  lines1 <- lines[!grepl("^Run 'dyadkit", lines)]
  good <- good && !trace && !nan && (r$status == 0 || length(lines1) == 1)
  res[[length(res) + 1]] <- data.frame(case = cs[[1]], expected = exp, status = r$status, ok = good, trace = trace,
                                        nan_in_stdout = nan, n_msg_lines = length(lines),
                                        message = substr(paste(lines, collapse = " | "), 1, 300))
  cat(sprintf("%-4s %-48s exit %d (want %s)%s%s  %s\n", if (good) "ok" else "BAD", cs[[1]], r$status,
              if (is.na(exp)) "0|4" else exp, if (trace) " STACK TRACE" else "", if (nan) " NaN IN OUTPUT" else "",
              substr(paste(lines, collapse = " | "), 1, 220)))
  if (nan) writeLines(r$stdout, file.path(od, paste0(gsub("[^a-z0-9]+", "_", cs[[1]]), ".stdout")))
}
df <- do.call(rbind, res); write.csv(df, file.path(od, "errors.csv"), row.names = FALSE)
cat(sprintf("\nerrors: %d cases, %d bad (details: %s)\n", nrow(df), sum(!df$ok), file.path(od, "errors.csv")))
