# Behaviour checks that are not numbers: output file permissions, '-' as standard output, one --total for
# several instruments, options silently ignored. Run: Rscript verification/errors/check_behaviour.R
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "..", "common.R"))
source(file.path(vroot, "apim", "gen_apim.R"))
od <- outdir("behaviour")
g <- gen_apim(1101, 20, dist = TRUE); f <- file.path(od, "couples.csv"); write.csv(g, f, row.names = FALSE, na = "")
# 1. restructure's output file gets the umask's permissions, like score's (umask 022 -> rw-r--r--)
o <- file.path(od, "wide.csv"); unlink(o)
dyadkit(c("restructure", "--input", f, "--from", "individual", "--to", "dyad", "--dyad", "dyad", "--role", "role", "--output", o))
touch <- file.path(od, "touched.csv"); unlink(touch); file.create(touch)
check_eq("restructure output", "mode as a newly created file", as.character(file.mode(o)), as.character(file.mode(touch)))
# 2. '-' means standard output (as in score), not a file named '-'
old <- setwd(od); unlink("-")
r <- dyadkit(c("restructure", "--input", f, "--from", "individual", "--to", "dyad", "--dyad", "dyad", "--role", "role", "--output", "-"))
check_eq("restructure --output -", "writes to standard output", nchar(r$stdout) > 0 && !file.exists("-"), TRUE)
unlink("-"); setwd(old)
# 3. one --total for two instruments, one of which has no total (the docs: 'one for all or one per instrument')
set.seed(1102); s <- data.frame(id = 1:10, matrix(sample(1:5, 70, TRUE), 10), matrix(sample(1:7, 120, TRUE), 10))
names(s) <- c("id", paste0("ras", 1:7), paste0("ecr", 1:12)); fs <- file.path(od, "survey.csv"); write.csv(s, fs, row.names = FALSE)
r <- dyadkit(c("score", "--instrument", "ras", "--instrument", "ecr-s", "--items", "ras{n}", "--items", "ecr{n}", "--input", fs,
               "--output", file.path(od, "scored.csv"), "--total", "item-sum"))
check("score ras + ecr-s --total item-sum", "exit status", r$status, 0, 0)
if (r$status != 0) cat("  ", r$stderr, "\n")
# 4. distinguishability --method reml: the test is ML by definition; the option should be refused or noted
r <- dyadkit(c("distinguishability", "--input", f, "--dyad", "dyad", "--role", "role", "--roles", "M,F", "--y", "y", "--x", "x1",
               "--method", "reml"))
check_eq("distinguishability --method reml", "refused or noted", r$status != 0 || grepl("ML|reml", r$stderr, ignore.case = TRUE), TRUE)
finish("behaviour")
