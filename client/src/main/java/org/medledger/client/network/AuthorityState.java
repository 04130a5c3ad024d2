package org.medledger.client.network;

import org.medledger.pki.CaRecords;
import org.medledger.pki.ValidityPolicy;

/** What {@code records.json} holds for one organisation's CA: its policy and its records. */
public record AuthorityState(ValidityPolicy policy, CaRecords records) {
  AuthorityState withRecords(CaRecords next) {
    return new AuthorityState(policy, next);
  }
}
