package org.medledger.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;

/** The cache of decoded consents gives what a fresh decode gives, and decodes a changed record afresh. */
class ConsentRecordCacheTest {
  private static final PatientId ALICE = PatientId.of("st-mary", "alice");
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static ConsentRecord record(String id) {
    Provision provision = Provision.permit().actors(Party.person("city-clinic", "dr-dan"))
        .actions(Action.READ).purposes(PurposeOfUse.TREAT).build();
    return new ConsentRecord(Consent.active(id, ALICE, Period.ALWAYS, provision), Optional.empty(), 7,
        ALICE.asPerson(), Optional.empty());
  }

  @Test
  void aCachedDecodeEqualsAFreshOne() {
    ConsentRecordCache cache = new ConsentRecordCache(16);
    ConsentRecord record = record("0123456789abcdef".repeat(4));
    byte[] bytes = ConsentCodec.encode(record);

    ConsentRecord first = cache.decode(bytes);
    ConsentRecord second = cache.decode(bytes.clone());

    assertThat(first).isEqualTo(record).isEqualTo(ConsentCodec.decodeConsent(bytes));
    assertThat(second).isSameAs(first);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void aRevokedRecordIsDecodedAfresh() {
    ConsentRecordCache cache = new ConsentRecordCache(16);
    ConsentRecord record = record("0123456789abcdef".repeat(4));
    ConsentRecord active = cache.decode(ConsentCodec.encode(record));
    ConsentRecord revoked = record.revoked(new ConsentRecord.Revocation(9, T, Party.person("st-mary", "gus")));

    ConsentRecord decoded = cache.decode(ConsentCodec.encode(revoked));

    assertThat(decoded).isEqualTo(revoked).isNotEqualTo(active);
    assertThat(decoded.consent().status()).isEqualTo(Consent.Status.INACTIVE);
    assertThat(cache.misses()).isEqualTo(2);
    assertThat(cache.decode(ConsentCodec.encode(record))).isSameAs(active);
  }

  @Test
  void mutatingTheCallersBytesDoesNotAlterTheCache() {
    ConsentRecordCache cache = new ConsentRecordCache(16);
    ConsentRecord record = record("0123456789abcdef".repeat(4));
    byte[] bytes = ConsentCodec.encode(record);
    cache.decode(bytes);
    bytes[bytes.length - 1] ^= 1;

    assertThat(cache.decode(ConsentCodec.encode(record))).isEqualTo(record);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void theLeastRecentlyUsedEntryIsEvicted() {
    ConsentRecordCache cache = new ConsentRecordCache(2);
    byte[] a = ConsentCodec.encode(record("a".repeat(64)));
    byte[] b = ConsentCodec.encode(record("b".repeat(64)));
    byte[] c = ConsentCodec.encode(record("c".repeat(64)));
    cache.decode(a);
    cache.decode(b);
    cache.decode(a);
    cache.decode(c);

    assertThat(cache.size()).isEqualTo(2);
    cache.decode(a);
    assertThat(cache.hits()).isEqualTo(2);
    cache.decode(b);
    assertThat(cache.misses()).isEqualTo(4);
  }

  @Test
  void bytesThatDoNotDecodeAreNotCached() {
    ConsentRecordCache cache = new ConsentRecordCache(16);
    byte[] garbage = {(byte) 0xff, 0x01, 0x02};
    assertThatThrownBy(() -> cache.decode(garbage)).isInstanceOf(RuntimeException.class);
    assertThat(cache.size()).isZero();
  }
}
