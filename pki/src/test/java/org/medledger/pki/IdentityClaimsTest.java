package org.medledger.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentityClaimsTest {
  private static final OrganisationId ORG = OrganisationId.of("st-mary");

  @ParameterizedTest
  @ValueSource(strings = {"", " alice", "-alice", "alice,O=evil", "a/b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void namesThatCouldConfuseASubjectAreRefused(String name) {
    assertThatThrownBy(() -> IdentityClaims.of(name, Role.PATIENT, ORG))
        .isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.reason()).isEqualTo(PkiException.Reason.INVALID_NAME));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dr Alice Smith", "alice@st-mary", "a", "validator-12"})
  void ordinaryNamesAreAccepted(String name) {
    assertThat(IdentityClaims.of(name, Role.PATIENT, ORG).name()).isEqualTo(name);
  }

  @Test
  void malformedAttributesAreRefused() {
    assertThatThrownBy(() -> new IdentityClaims("a", Role.NURSE, ORG, new TreeMap<>(Map.of("Dept", "x"))))
        .isInstanceOf(PkiException.class).hasMessageContaining("invalid attribute name");
    assertThatThrownBy(() -> new IdentityClaims("a", Role.NURSE, ORG, new TreeMap<>(Map.of("dept", "a=b"))))
        .isInstanceOf(PkiException.class).hasMessageContaining("invalid value");
  }

  @Test
  void rolesParseFromTheirCommandLineNamesOnly() {
    assertThat(Role.parse("physician")).isEqualTo(Role.PHYSICIAN);
    assertThat(Role.parse(" Nurse ")).isEqualTo(Role.NURSE);
    assertThatThrownBy(() -> Role.parse("doctor")).isInstanceOf(PkiException.class)
        .hasMessageContaining("unknown role 'doctor'").hasMessageContaining("physician, nurse");
  }

  @Test
  void revocationReasonsAcceptTheUsualSpellings() {
    assertThat(RevocationReason.parse("key-compromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
    assertThat(RevocationReason.parse("keyCompromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
    assertThat(RevocationReason.parse("KEY_COMPROMISE")).isEqualTo(RevocationReason.KEY_COMPROMISE);
    assertThatThrownBy(() -> RevocationReason.parse("bored")).isInstanceOf(PkiException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "St-Mary", "-x", "x-", "a_b", "toolong-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void organisationIdsAreLowerCaseSlugs(String id) {
    assertThatThrownBy(() -> OrganisationId.of(id)).isInstanceOf(PkiException.class);
  }

  @Test
  void enrollmentSecretsAreDistinctAndMatchOnlyThemselves() {
    String a = EnrollmentSecret.generate();
    String b = EnrollmentSecret.generate();
    assertThat(a).isNotEqualTo(b).hasSize(27);
    assertThat(EnrollmentSecret.matches(a, EnrollmentSecret.hash(a))).isTrue();
    assertThat(EnrollmentSecret.matches(b, EnrollmentSecret.hash(a))).isFalse();
    assertThat(EnrollmentSecret.matches(null, EnrollmentSecret.hash(a))).isFalse();
  }
}
