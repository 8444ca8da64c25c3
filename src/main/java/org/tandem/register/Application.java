package org.tandem.register;

/**
 * An application to join the register as a coach, a mentor or both (REG-1).
 *
 * @param ethicsDeclared a mentor's declaration to practise ethically within their area of expertise
 * @param consentGiven explicit consent to the processing of the applicant's personal data (DP-1)
 */
record Application(String userId, String firstName, String lastName, String email, boolean coach,
    boolean mentor, ProfileDetails details, boolean ethicsDeclared, boolean consentGiven) {
}
