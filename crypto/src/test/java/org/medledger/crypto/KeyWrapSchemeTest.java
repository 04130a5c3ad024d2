package org.medledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyWrapSchemeTest {
  private final SecretBytes dataKey = AeadScheme.AES_256_GCM_CHUNKED.generateKey();

  @ParameterizedTest
  @EnumSource(KeyWrapScheme.class)
  void unwrappingWithTheRecipientsPrivateKeyGivesBackTheDataKey(KeyWrapScheme scheme) {
    KeyPair recipient = TestKeys.of(scheme);
    KeyWrap keyWrap = scheme.keyWrap();

    byte[] wrapped = keyWrap.wrap(dataKey, recipient.getPublic());

    assertThat(keyWrap.unwrap(wrapped, recipient.getPrivate())).isEqualTo(dataKey);
    assertThat(keyWrap.scheme()).isEqualTo(scheme);
  }

  @ParameterizedTest
  @EnumSource(KeyWrapScheme.class)
  void keysOfOtherLengthsCanBeWrapped(KeyWrapScheme scheme) {
    KeyPair recipient = TestKeys.of(scheme);
    SecretBytes small = SecretBytes.random(1);
    SecretBytes large = SecretBytes.random(64);

    assertThat(scheme.keyWrap().unwrap(scheme.keyWrap().wrap(small, recipient.getPublic()),
            recipient.getPrivate()))
        .isEqualTo(small);
    assertThat(scheme.keyWrap().unwrap(scheme.keyWrap().wrap(large, recipient.getPublic()),
            recipient.getPrivate()))
        .isEqualTo(large);
  }

  @ParameterizedTest
  @EnumSource(KeyWrapScheme.class)
  void twoWrapsOfTheSameKeyDiffer(KeyWrapScheme scheme) {
    KeyPair recipient = TestKeys.of(scheme);

    assertThat(scheme.keyWrap().wrap(dataKey, recipient.getPublic()))
        .isNotEqualTo(scheme.keyWrap().wrap(dataKey, recipient.getPublic()));
  }

  @ParameterizedTest
  @EnumSource(KeyWrapScheme.class)
  void unwrappingWithAnotherPrivateKeyFails(KeyWrapScheme scheme) {
    // Repeated: for RSA, whether the ciphertext exceeds the other key's modulus is a coin toss.
    for (int i = 0; i < 20; i++) {
      byte[] wrapped = scheme.keyWrap().wrap(dataKey, TestKeys.of(scheme).getPublic());

      assertThatThrownBy(() -> scheme.keyWrap().unwrap(wrapped, TestKeys.otherOf(scheme).getPrivate()))
          .isInstanceOf(DecryptionFailedException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(KeyWrapScheme.class)
  void aWrappedKeyWithAnyChangedByteFails(KeyWrapScheme scheme) {
    KeyPair recipient = TestKeys.of(scheme);
    byte[] wrapped = scheme.keyWrap().wrap(dataKey, recipient.getPublic());
    int step = scheme == KeyWrapScheme.RSA_OAEP_SHA256 ? 37 : 1;

    for (int i = 0; i < wrapped.length; i += step) {
      byte[] changed = wrapped.clone();
      changed[i] ^= 0x01;
      assertThatThrownBy(() -> scheme.keyWrap().unwrap(changed, recipient.getPrivate()))
          .as("byte %d changed", i)
          .isInstanceOf(DecryptionFailedException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(KeyWrapScheme.class)
  void aTruncatedOrExtendedWrappedKeyFails(KeyWrapScheme scheme) {
    KeyPair recipient = TestKeys.of(scheme);
    byte[] wrapped = scheme.keyWrap().wrap(dataKey, recipient.getPublic());
    KeyWrap keyWrap = scheme.keyWrap();

    assertThatThrownBy(() -> keyWrap.unwrap(Arrays.copyOf(wrapped, wrapped.length - 1), recipient.getPrivate()))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> keyWrap.unwrap(Arrays.copyOf(wrapped, wrapped.length + 1), recipient.getPrivate()))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> keyWrap.unwrap(new byte[0], recipient.getPrivate()))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void anEphemeralKeyThatIsNotOnTheCurveFails() {
    byte[] wrapped = KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM.keyWrap()
        .wrap(dataKey, TestKeys.ec().getPublic());
    byte[] offCurve = wrapped.clone();
    Arrays.fill(offCurve, 2, 66, (byte) 0x11);

    assertThatThrownBy(() -> KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM.keyWrap()
            .unwrap(offCurve, TestKeys.ec().getPrivate()))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void wrappedKeysHaveTheDocumentedLayout() {
    byte[] rsa = KeyWrapScheme.RSA_OAEP_SHA256.keyWrap().wrap(dataKey, TestKeys.rsa().getPublic());
    byte[] ec = KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM.keyWrap()
        .wrap(dataKey, TestKeys.ec().getPublic());

    assertThat(rsa).hasSize(1 + 384);
    assertThat(rsa[0]).isEqualTo((byte) 0x01);
    assertThat(ec).hasSize(1 + 65 + 32 + 16);
    assertThat(ec[0]).isEqualTo((byte) 0x02);
    assertThat(ec[1]).isEqualTo((byte) 0x04);
  }

  @Test
  void wrappingWithAnEcKeyForTheRsaSchemeIsRefused() {
    assertThatThrownBy(() -> KeyWrapScheme.RSA_OAEP_SHA256.keyWrap().wrap(dataKey, TestKeys.ec().getPublic()))
        .isExactlyInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> KeyWrapScheme.RSA_OAEP_SHA256.keyWrap().unwrap(new byte[385], TestKeys.ec().getPrivate()))
        .isExactlyInstanceOf(CryptoException.class);
  }

  @Test
  void wrappingWithAnRsaKeyForTheEcdhSchemeIsRefused() {
    assertThatThrownBy(() -> KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM.keyWrap()
            .wrap(dataKey, TestKeys.rsa().getPublic()))
        .isExactlyInstanceOf(CryptoException.class);
  }

  @Test
  void weakRecipientKeysAreRefused() {
    assertThatThrownBy(() -> KeyWrapScheme.RSA_OAEP_SHA256.keyWrap().wrap(dataKey, TestKeys.rsa2048().getPublic()))
        .isExactlyInstanceOf(CryptoException.class)
        .hasMessageContaining("2048");
    assertThatThrownBy(() -> KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM.keyWrap()
            .wrap(dataKey, TestKeys.p384().getPublic()))
        .isExactlyInstanceOf(CryptoException.class)
        .hasMessageContaining("384");
  }

  @Test
  void anEmptyDataKeyIsRefused() {
    assertThatThrownBy(() -> KeyWrapScheme.RSA_OAEP_SHA256.keyWrap()
            .wrap(SecretBytes.copyOf(new byte[0]), TestKeys.rsa().getPublic()))
        .isExactlyInstanceOf(CryptoException.class);
  }

  @Test
  void theSchemeForAKeyFollowsItsType() {
    assertThat(KeyWrapScheme.forKey(TestKeys.rsa().getPublic())).isEqualTo(KeyWrapScheme.RSA_OAEP_SHA256);
    assertThat(KeyWrapScheme.forKey(TestKeys.rsa().getPrivate())).isEqualTo(KeyWrapScheme.RSA_OAEP_SHA256);
    assertThat(KeyWrapScheme.forKey(TestKeys.ec().getPublic()))
        .isEqualTo(KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM);
    assertThat(KeyWrapScheme.forKey(TestKeys.ec().getPrivate()))
        .isEqualTo(KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM);
    assertThatThrownBy(() -> KeyWrapScheme.forKey(new SecretKeySpec(new byte[16], "AES")))
        .isExactlyInstanceOf(CryptoException.class)
        .hasMessageStartingWith("unsupported key: ");
  }
}
