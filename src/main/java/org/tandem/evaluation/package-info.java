/**
 * Evaluations (EVA-1..5): who is asked at the start, the middle and the end, reminders and "not returned", and the
 * anonymous answers that feed programme learning. The {@code evaluation} process runs one respondent's questionnaire.
 */
package org.tandem.evaluation;
