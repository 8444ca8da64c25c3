/**
 * The register of coaches and mentors (REG-1..4): profiles, registration by qualification, competency interview or
 * ethics declaration, the CPD log and the yearly CPD review, suspension and removal.
 */
package org.tandem.register;
