/**
 * Sessions (SES-1, SES-4): when each is planned, who cancelled or moved it and with how much notice, and the coach's
 * record of it. What was discussed is confidential and kept by {@code privacy} (SES-2). The {@code session} process
 * drives one session.
 */
package org.tandem.session;
