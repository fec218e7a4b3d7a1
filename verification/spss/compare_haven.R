# Compares what dyadkit reads from SPSS system files with haven::read_sav (ReadStat) on the same files:
# every cell (numbers to 1e-12, strings exactly, system- and user-missing as missing), variable labels,
# value labels and the count of user-missing cells.
#   Rscript verification/spss/compare_haven.R DIR      (every *.sav / *.zsav in DIR; run from the checkout root)
# Files written by SPSS itself are the point: the test files in the build are written by PSPP.
suppressMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "."
files <- list.files(dir, pattern = "\\.z?sav$", full.names = TRUE, ignore.case = TRUE)
jar <- Sys.glob("core/target/dyadkit-core-*[0-9].jar")[1]
out <- system2("java", c("-cp", jar, "verification/spss/SpssDump.java", files), stdout = TRUE)
facts <- strsplit(out, "\t", fixed = TRUE)
bad <- 0; checks <- 0
check <- function(ok, what) {
  checks <<- checks + 1
  if (!isTRUE(ok)) { bad <<- bad + 1; cat("MISMATCH", what, "\n") }
}
for (f in files) {
  name <- basename(f)
  d <- read_sav(f, user_na = TRUE)
  mine <- Filter(function(x) x[1] == name, facts)
  for (v in names(d)) {
    col <- d[[v]]
    lab <- attr(col, "label", exact = TRUE); if (is.null(lab)) lab <- ""
    got <- Filter(function(x) x[2] == v, mine)
    kind <- vapply(got, `[`, "", 3)
    mine_lab <- got[kind == "label"][[1]]
    mine_lab <- if (length(mine_lab) >= 4) mine_lab[4] else ""
    check(identical(mine_lab, lab), paste(name, v, "variable label", mine_lab, lab))
    labels <- attr(col, "labels", exact = TRUE)
    mine_vl <- got[kind == "value"]
    check(length(mine_vl) == length(labels), paste(name, v, "number of value labels"))
    for (x in mine_vl) {
      code <- x[4]
      i <- if (is.numeric(labels)) which(abs(labels - as.numeric(code)) < 1e-12) else which(trimws(labels) == code)
      check(length(i) == 1 && names(labels)[i] == x[5], paste(name, v, "value label", code))
    }
    um <- as.integer(got[kind == "user_missing"][[1]][4])
    haven_um <- if (inherits(col, "haven_labelled_spss")) sum(is.na(zap_missing(col)) & !is.na(unclass(col))) else 0
    check(um == haven_um, paste(name, v, "user-missing count", um, haven_um))
    cells <- got[kind == "cell"]
    theirs <- zap_missing(col)
    check(length(cells) == length(theirs), paste(name, v, "number of rows"))
    for (k in seq_along(cells)) {
      text <- if (length(cells[[k]]) >= 5) cells[[k]][5] else ""
      ref <- unclass(theirs)[k]
      if (inherits(col, c("Date", "POSIXct", "hms"))) next  # dates: dyadkit keeps SPSS's seconds, haven converts
      if (is.na(ref) || (is.character(ref) && ref == "")) {
        check(text == "", paste(name, v, "row", k, "missing", text))
      } else if (is.numeric(ref)) {
        check(abs(as.numeric(text) - ref) <= 1e-12 * max(1, abs(ref)), paste(name, v, "row", k, text, ref))
      } else {
        check(text == sub(" +$", "", ref), paste(name, v, "row", k, text, ref))
      }
    }
  }
}
cat(length(files), "files,", checks, "checks,", bad, "mismatches (haven", as.character(packageVersion("haven")),
    "; R", as.character(getRversion()), ")\n")
