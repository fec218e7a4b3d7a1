# Dirty files into the analysis commands (apim, nonindependence, correlate, restructure): each variant
# must give the clean file's numbers. Run: Rscript verification/dyad/dirty_inputs_analysis.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
od <- outdir("dyad_dirty")
g <- gen_apim(801, 50, dist = TRUE, rho = 0.3, drop_member = 3)
g$comment <- sample(c("fine", "has, comma", "two\nlines", ""), nrow(g), TRUE)
lines <- function(quote_header) {
  q <- function(v) ifelse(is.na(v), "", ifelse(grepl("[,\"\n]", v), paste0("\"", gsub("\"", "\"\"", v), "\""), v))
  hdr <- names(g); if (quote_header) hdr <- paste0("\"", hdr, "\"")
  c(paste(hdr, collapse = ","), apply(g, 1, function(r) paste(q(trimws(r)), collapse = ",")))
}
wr <- function(name, quote_header = FALSE, bom = FALSE, eol = "\n", trailing_blank = FALSE) {
  f <- file.path(od, name); txt <- paste0(paste(lines(quote_header), collapse = eol), eol, if (trailing_blank) eol else "")
  con <- file(f, "wb"); if (bom) writeBin(as.raw(c(0xEF, 0xBB, 0xBF)), con); writeBin(charToRaw(txt), con); close(con); f
}
variants <- list(clean = wr("clean.csv"), quoted_header = wr("quoted.csv", quote_header = TRUE),
                 bom = wr("bom.csv", bom = TRUE), bom_quoted_header = wr("bom_quoted.csv", TRUE, TRUE),
                 crlf = wr("crlf.csv", eol = "\r\n"), bom_quoted_crlf = wr("bom_quoted_crlf.csv", TRUE, TRUE, "\r\n"),
                 trailing_blank_line = wr("blank.csv", trailing_blank = TRUE))
run <- function(f) list(
  apim = dyadkit(c("apim", "--input", f, "--dyad", "dyad", "--role", "role", "--roles", "M,F", "--y", "y", "--x", "x1", "--format", "csv")),
  nonind = dyadkit(c("nonindependence", "--input", f, "--dyad", "dyad", "--role", "role", "--roles", "M,F", "--var", "y", "--format", "csv")),
  correlate = dyadkit(c("correlate", "--input", f, "--dyad", "dyad", "--vars", "x1,y", "--format", "csv")),
  restructure = dyadkit(c("restructure", "--input", f, "--from", "individual", "--to", "dyad", "--dyad", "dyad", "--role", "role",
                          "--roles", "M,F")))
ref <- run(variants$clean)
for (v in names(variants)[-1]) {
  r <- run(variants[[v]])
  for (cmd in names(r)) {
    label <- paste("dirty analysis input", v)
    if (r[[cmd]]$status != 0) cat(sprintf("FAILED %s %s (exit %d): %s\n", v, cmd, r[[cmd]]$status, r[[cmd]]$stderr))
    check(label, paste(cmd, "exit status"), r[[cmd]]$status, 0, 0)
    check_eq(label, paste(cmd, "same output as the clean file"), identical(gsub("\r", "", r[[cmd]]$stdout), gsub("\r", "", ref[[cmd]]$stdout)), TRUE)
  }
}
finish("dyad_dirty")
