/**
 * Requests and matching (MAT-1..3): a client's request with consent, the shortlist of eligible coaches ranked by
 * fit, the chosen coach's answer, and matching by hand after repeated failures. The {@code coaching-request}
 * process drives it and starts the {@code relationship} when a coach accepts.
 */
package org.tandem.matching;
