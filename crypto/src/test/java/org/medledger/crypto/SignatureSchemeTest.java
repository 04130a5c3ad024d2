package org.medledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureSchemeTest {
  private static final byte[] MESSAGE = "transfer record 42 to dr. who".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aSignatureVerifiesUnderItsPublicKey(SignatureScheme scheme) {
    KeyPair keys = TestKeys.of(scheme);
    Signer signer = scheme.signer(keys);

    byte[] signature = signer.sign(MESSAGE);

    assertThat(scheme.verifier(keys.getPublic()).verify(MESSAGE, signature)).isTrue();
    assertThat(signer.scheme()).isEqualTo(scheme);
    assertThat(signer.publicKey()).isSameAs(keys.getPublic());
    assertThat(scheme.verifier(keys.getPublic()).scheme()).isEqualTo(scheme);
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void anEmptyMessageCanBeSignedAndVerified(SignatureScheme scheme) {
    KeyPair keys = TestKeys.of(scheme);
    byte[] signature = scheme.signer(keys).sign(new byte[0]);

    assertThat(scheme.verifier(keys.getPublic()).verify(new byte[0], signature)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void verifyingAChangedMessageFails(SignatureScheme scheme) {
    KeyPair keys = TestKeys.of(scheme);
    byte[] signature = scheme.signer(keys).sign(MESSAGE);
    byte[] changed = MESSAGE.clone();
    changed[changed.length - 1] ^= 1;

    assertThat(scheme.verifier(keys.getPublic()).verify(changed, signature)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void verifyingASignatureWithAnyChangedByteFails(SignatureScheme scheme) {
    KeyPair keys = TestKeys.of(scheme);
    byte[] signature = scheme.signer(keys).sign(MESSAGE);
    Verifier verifier = scheme.verifier(keys.getPublic());

    for (int i = 0; i < signature.length; i++) {
      byte[] changed = signature.clone();
      changed[i] ^= 0x40;
      assertThat(verifier.verify(MESSAGE, changed)).as("byte %d changed", i).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aSignatureByAnotherKeyDoesNotVerify(SignatureScheme scheme) {
    byte[] signature = scheme.signer(TestKeys.otherOf(scheme)).sign(MESSAGE);

    assertThat(scheme.verifier(TestKeys.of(scheme).getPublic()).verify(MESSAGE, signature))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void garbageSignaturesAreInvalidNotExceptions(SignatureScheme scheme) {
    Verifier verifier = scheme.verifier(TestKeys.of(scheme).getPublic());
    byte[] valid = scheme.signer(TestKeys.of(scheme)).sign(MESSAGE);

    assertThat(verifier.verify(MESSAGE, new byte[0])).isFalse();
    assertThat(verifier.verify(MESSAGE, new byte[] {0})).isFalse();
    assertThat(verifier.verify(MESSAGE, new byte[valid.length])).isFalse();
    assertThat(verifier.verify(MESSAGE, filled(valid.length, (byte) 0xff))).isFalse();
    assertThat(verifier.verify(MESSAGE, filled(5000, (byte) 0x30))).isFalse();
    assertThat(verifier.verify(MESSAGE, java.util.Arrays.copyOf(valid, valid.length - 1))).isFalse();
    assertThat(verifier.verify(MESSAGE, java.util.Arrays.copyOf(valid, valid.length + 1))).isFalse();
    assertThat(verifier.verify(MESSAGE, "not a signature".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
  }

  @Test
  void ecdsaSignaturesAreRandomisedAndDerEncoded() {
    Signer signer = SignatureScheme.ECDSA_P256_SHA256.signer(TestKeys.ec());
    byte[] first = signer.sign(MESSAGE);
    byte[] second = signer.sign(MESSAGE);

    assertThat(first).isNotEqualTo(second);
    assertThat(first[0]).isEqualTo((byte) 0x30);
    assertThat(first.length).isBetween(8, 72);
  }

  @Test
  void rsaPssSignaturesVerifyWithTheJdkUsingTheDocumentedParameters() throws Exception {
    byte[] signature = SignatureScheme.RSA_3072_PSS_SHA256.signer(TestKeys.rsa()).sign(MESSAGE);
    Signature jdk = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
    jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    jdk.initVerify(TestKeys.rsa().getPublic());
    jdk.update(MESSAGE);

    assertThat(signature).hasSize(384);
    assertThat(jdk.verify(signature)).isTrue();
  }

  @Test
  void ecdsaSignaturesVerifyWithTheJdk() throws Exception {
    byte[] signature = SignatureScheme.ECDSA_P256_SHA256.signer(TestKeys.ec()).sign(MESSAGE);
    Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
    jdk.initVerify(TestKeys.ec().getPublic());
    jdk.update(MESSAGE);

    assertThat(jdk.verify(signature)).isTrue();
  }

  @Test
  void jdkSignaturesVerifyWithOurVerifiers() throws Exception {
    Signature pss = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    pss.initSign(TestKeys.rsa().getPrivate());
    pss.update(MESSAGE);
    Signature ecdsa = Signature.getInstance("SHA256withECDSA", "SunEC");
    ecdsa.initSign(TestKeys.ec().getPrivate());
    ecdsa.update(MESSAGE);

    assertThat(SignatureScheme.RSA_3072_PSS_SHA256.verifier(TestKeys.rsa().getPublic())
            .verify(MESSAGE, pss.sign()))
        .isTrue();
    assertThat(SignatureScheme.ECDSA_P256_SHA256.verifier(TestKeys.ec().getPublic())
            .verify(MESSAGE, ecdsa.sign()))
        .isTrue();
  }

  @Test
  void generatedKeysHaveTheSchemesSizes() {
    assertThat(((RSAPublicKey) TestKeys.rsa().getPublic()).getModulus().bitLength()).isEqualTo(3072);
    assertThat(((ECPublicKey) TestKeys.ec().getPublic()).getParams().getOrder().bitLength())
        .isEqualTo(256);
    assertThat(TestKeys.rsa().getPublic()).isNotEqualTo(TestKeys.otherRsa().getPublic());
  }

  @Test
  void theSchemeOfAKeyFollowsItsTypeAndSize() {
    assertThat(SignatureScheme.of(TestKeys.rsa().getPublic()))
        .isEqualTo(SignatureScheme.RSA_3072_PSS_SHA256);
    assertThat(SignatureScheme.of(TestKeys.ec().getPublic()))
        .isEqualTo(SignatureScheme.ECDSA_P256_SHA256);
  }

  @Test
  void rsa2048KeysAreUnsupported() {
    assertThatThrownBy(() -> SignatureScheme.of(TestKeys.rsa2048().getPublic()))
        .isExactlyInstanceOf(CryptoException.class)
        .hasMessageStartingWith("unsupported key: ")
        .hasMessageContaining("2048");
  }

  @Test
  void p384KeysAreUnsupported() {
    assertThatThrownBy(() -> SignatureScheme.of(TestKeys.p384().getPublic()))
        .isExactlyInstanceOf(CryptoException.class)
        .hasMessageStartingWith("unsupported key: ")
        .hasMessageContaining("384");
  }

  @Test
  void aSignerRefusesAKeyPairOfTheOtherScheme() {
    assertThatThrownBy(() -> SignatureScheme.RSA_3072_PSS_SHA256.signer(TestKeys.ec()))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> SignatureScheme.ECDSA_P256_SHA256.signer(TestKeys.rsa()))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> SignatureScheme.RSA_3072_PSS_SHA256.signer(TestKeys.rsa2048()))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> SignatureScheme.ECDSA_P256_SHA256.signer(TestKeys.p384()))
        .isInstanceOf(CryptoException.class);
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aSignerRefusesAPublicKeyThatIsNotThePrivateKeysOwn(SignatureScheme scheme) {
    KeyPair mismatched =
        new KeyPair(TestKeys.otherOf(scheme).getPublic(), TestKeys.of(scheme).getPrivate());

    assertThatThrownBy(() -> scheme.signer(mismatched))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void aVerifierRefusesAKeyOfTheOtherScheme() {
    assertThatThrownBy(() -> SignatureScheme.RSA_3072_PSS_SHA256.verifier(TestKeys.ec().getPublic()))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> SignatureScheme.ECDSA_P256_SHA256.verifier(TestKeys.rsa().getPublic()))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(
            () -> SignatureScheme.RSA_3072_PSS_SHA256.verifier(TestKeys.rsa2048().getPublic()))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void aVerifierRefusesAPublicPointThatIsNotOnTheCurve() {
    ECPublicKey real = (ECPublicKey) TestKeys.ec().getPublic();
    ECPublicKey offCurve = new ECPublicKey() {
      @Override
      public java.security.spec.ECPoint getW() {
        return new java.security.spec.ECPoint(real.getW().getAffineX(), real.getW().getAffineY().add(java.math.BigInteger.ONE));
      }

      @Override
      public java.security.spec.ECParameterSpec getParams() {
        return real.getParams();
      }

      @Override
      public String getAlgorithm() {
        return "EC";
      }

      @Override
      public String getFormat() {
        return null;
      }

      @Override
      public byte[] getEncoded() {
        return null;
      }
    };

    assertThatThrownBy(() -> SignatureScheme.ECDSA_P256_SHA256.verifier(offCurve))
        .isExactlyInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM.keyWrap()
            .wrap(SecretBytes.random(32), offCurve))
        .isExactlyInstanceOf(CryptoException.class);
  }

  @Test
  void rsaPssAlgorithmIdentifierCarriesThePssParameters() {
    AlgorithmIdentifier id = SignatureScheme.RSA_3072_PSS_SHA256.algorithmIdentifier();
    RSASSAPSSparams params = RSASSAPSSparams.getInstance(id.getParameters());

    assertThat(id.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS);
    assertThat(params.getHashAlgorithm().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
    assertThat(params.getMaskGenAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_mgf1);
    assertThat(AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters())
            .getAlgorithm())
        .isEqualTo(NISTObjectIdentifiers.id_sha256);
    assertThat(params.getSaltLength().intValueExact()).isEqualTo(32);
    assertThat(params.getTrailerField().intValueExact()).isEqualTo(1);
  }

  @Test
  void ecdsaAlgorithmIdentifierIsEcdsaWithSha256WithoutParameters() {
    AlgorithmIdentifier id = SignatureScheme.ECDSA_P256_SHA256.algorithmIdentifier();

    assertThat(id.getAlgorithm()).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA256);
    assertThat(id.getParameters()).isNull();
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void signersAndVerifiersCanBeSharedBetweenThreads(SignatureScheme scheme) throws Exception {
    Signer signer = scheme.signer(TestKeys.of(scheme));
    Verifier verifier = scheme.verifier(TestKeys.of(scheme).getPublic());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        byte[] message = ("message " + i).getBytes(StandardCharsets.US_ASCII);
        results.add(pool.submit(() -> verifier.verify(message, signer.sign(message))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }
}
