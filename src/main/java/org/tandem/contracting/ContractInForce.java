package org.tandem.contracting;

/** Published, inside the transaction, when a contract version comes into force. */
public record ContractInForce(String relationshipId, int version) {
}
