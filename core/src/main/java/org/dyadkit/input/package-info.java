/**
 * How input files are read: one dialect ({@link org.dyadkit.input.ReadOptions}: delimiter, decimal
 * comma, missing-value codes, the Qualtrics header rows, the encoding) shared by batch scoring, the
 * analysis tables and the command line, with the notes that name the option a file seems to need.
 */
package org.dyadkit.input;
