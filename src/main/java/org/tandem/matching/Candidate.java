package org.tandem.matching;

import java.util.List;

/**
 * A coach on a client's shortlist: who, how well they fit, and why (MAT-2).
 *
 * @param reasons the fit in words, e.g. "offers your specialism: leadership"
 */
record Candidate(String coachId, String name, String organisation, String summary, double score,
    List<String> reasons) {
}
