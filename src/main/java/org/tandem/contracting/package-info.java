/**
 * Contracting (CON-1..6) and re-contracting (REV-2): the contract's terms and goals, its versions, signatures and
 * the sponsor's agreement. The {@code contracting} process drives it.
 */
package org.tandem.contracting;
