package org.medledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncryptedPrivateKeysTest {
  private static final Passphrase PASSPHRASE = Passphrase.of("correct horse battery".toCharArray());
  private static final Passphrase WRONG = Passphrase.of("correct horse batterz".toCharArray());

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aKeyWrittenToPemReadsBackUnchanged(SignatureScheme scheme) {
    PrivateKey key = TestKeys.of(scheme).getPrivate();

    String pem = EncryptedPrivateKeys.toPem(key, PASSPHRASE);
    PrivateKey read = EncryptedPrivateKeys.fromPem(pem, PASSPHRASE);

    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(pem.strip()).endsWith("-----END ENCRYPTED PRIVATE KEY-----");
    assertThat(read.getAlgorithm()).isEqualTo(key.getAlgorithm());
    assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void aKeyReadBackStillSigns() {
    KeyPair keys = TestKeys.ec();
    PrivateKey read =
        EncryptedPrivateKeys.fromPem(EncryptedPrivateKeys.toPem(keys.getPrivate(), PASSPHRASE), PASSPHRASE);
    Signer signer = SignatureScheme.ECDSA_P256_SHA256.signer(new KeyPair(keys.getPublic(), read));

    assertThat(SignatureScheme.ECDSA_P256_SHA256.verifier(keys.getPublic()).verify(new byte[3], signer.sign(new byte[3])))
        .isTrue();
  }

  @Test
  void thePemUsesPbes2WithScryptAndAes256Cbc() throws Exception {
    String pem = EncryptedPrivateKeys.toPem(TestKeys.ec().getPrivate(), PASSPHRASE);
    EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(pemContent(pem));
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
    ScryptParams scrypt = ScryptParams.getInstance(pbes2.getKeyDerivationFunc().getParameters());

    assertThat(info.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
    assertThat(pbes2.getKeyDerivationFunc().getAlgorithm()).isEqualTo(MiscObjectIdentifiers.id_scrypt);
    assertThat(scrypt.getCostParameter()).isEqualTo(BigInteger.valueOf(16384));
    assertThat(scrypt.getBlockSize()).isEqualTo(BigInteger.valueOf(8));
    assertThat(scrypt.getParallelizationParameter()).isEqualTo(BigInteger.ONE);
    assertThat(scrypt.getSalt()).hasSize(16);
    assertThat(pbes2.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
  }

  @Test
  void twoPemsOfTheSameKeyDiffer() {
    PrivateKey key = TestKeys.ec().getPrivate();

    assertThat(EncryptedPrivateKeys.toPem(key, PASSPHRASE))
        .isNotEqualTo(EncryptedPrivateKeys.toPem(key, PASSPHRASE));
  }

  @Test
  void aWrongPassphraseFails() {
    String pem = EncryptedPrivateKeys.toPem(TestKeys.rsa().getPrivate(), PASSPHRASE);

    assertThatThrownBy(() -> EncryptedPrivateKeys.fromPem(pem, WRONG))
        .isInstanceOf(DecryptionFailedException.class)
        .hasMessage("wrong passphrase or damaged key file");
  }

  @Test
  void aDamagedKeyFileFails() {
    String pem = EncryptedPrivateKeys.toPem(TestKeys.ec().getPrivate(), PASSPHRASE);
    int middle = pem.indexOf('\n', 60) + 10;
    char replacement = pem.charAt(middle) == 'A' ? 'B' : 'A';
    String damaged = pem.substring(0, middle) + replacement + pem.substring(middle + 1);
    String truncated = pem.substring(0, middle) + "\n-----END ENCRYPTED PRIVATE KEY-----\n";

    assertThatThrownBy(() -> EncryptedPrivateKeys.fromPem(damaged, PASSPHRASE))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> EncryptedPrivateKeys.fromPem(truncated, PASSPHRASE))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void anUnencryptedKeyIsRefused() {
    String plain = pem("PRIVATE KEY", TestKeys.ec().getPrivate().getEncoded());

    assertThatThrownBy(() -> EncryptedPrivateKeys.fromPem(plain, PASSPHRASE))
        .isExactlyInstanceOf(CryptoException.class)
        .hasMessage("not an encrypted private key");
  }

  @Test
  void textWithoutAnyKeyIsRefused() {
    assertThatThrownBy(() -> EncryptedPrivateKeys.fromPem("hello", PASSPHRASE))
        .isExactlyInstanceOf(CryptoException.class)
        .hasMessage("not an encrypted private key");
    assertThatThrownBy(() -> EncryptedPrivateKeys.fromPem("", PASSPHRASE))
        .isExactlyInstanceOf(CryptoException.class);
  }

  @Test
  void theKeyIsFoundAmongCertificates() throws Exception {
    KeyPair keys = TestKeys.ec();
    String certificate = pem("CERTIFICATE", selfSignedCertificate(keys).getEncoded());
    String file = "Bag Attributes: none\n"
        + certificate
        + EncryptedPrivateKeys.toPem(keys.getPrivate(), PASSPHRASE)
        + certificate;

    assertThat(EncryptedPrivateKeys.fromPem(file, PASSPHRASE).getEncoded())
        .isEqualTo(keys.getPrivate().getEncoded());
  }

  @Test
  void thePassphraseIsStillUsableAfterwards() {
    Passphrase passphrase = Passphrase.of("reused".toCharArray());
    String pem = EncryptedPrivateKeys.toPem(TestKeys.ec().getPrivate(), passphrase);

    EncryptedPrivateKeys.fromPem(pem, passphrase);

    assertThat(passphrase.toCharArray()).containsExactly("reused".toCharArray());
  }

  static X509CertificateHolder selfSignedCertificate(KeyPair keys) throws Exception {
    X500Name name = new X500Name("CN=test");
    Date now = new Date();
    return new JcaX509v3CertificateBuilder(
            name, BigInteger.ONE, now, new Date(now.getTime() + 86_400_000L), name, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA")
            .setProvider(new BouncyCastleProvider())
            .build(keys.getPrivate()));
  }

  private static String pem(String type, byte[] content) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new PemObject(type, content));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static byte[] pemContent(String pem) throws Exception {
    try (PemReader reader = new PemReader(new java.io.StringReader(pem))) {
      return reader.readPemObject().getContent();
    }
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
