/**
 * Streaming survey input and output for batch scoring: a byte-level CSV reader ({@link
 * org.dyadkit.survey.SurveyReader}), cell validation against item ranges, per-row {@link
 * org.dyadkit.survey.Problem problems}, and an {@link org.dyadkit.survey.AtomicFile atomic} writer.
 * {@link org.dyadkit.survey.BatchScoring} ties them together: one pass over a file, any number of
 * instruments, memory independent of the number of rows.
 */
package org.dyadkit.survey;
