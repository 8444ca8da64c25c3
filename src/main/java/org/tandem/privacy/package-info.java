/**
 * A person's rights over their data: consent to the privacy notice (DP-1), a copy of everything held about them and
 * erasure, through the {@code erasure-request} process (DP-2), and retention, through {@code records-retention}
 * (DP-3). Each capability that keeps personal data says what it holds through its {@link
 * org.tandem.privacy.PersonalData}; the confidential store ({@code org.tandem.confidential}) is read and erased
 * through its own public operations.
 */
package org.tandem.privacy;
