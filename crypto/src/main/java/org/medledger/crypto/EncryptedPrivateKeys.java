package org.medledger.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.util.ScryptConfig;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Private keys at rest: PEM {@code ENCRYPTED PRIVATE KEY} (PKCS#8 EncryptedPrivateKeyInfo) with
 * PBES2, scrypt (N = 16384, r = 8, p = 1, 16-byte random salt) and AES-256-CBC — the same files
 * {@code openssl pkcs8} reads and writes. Unencrypted keys are refused.
 */
public final class EncryptedPrivateKeys {
  private static final String PEM_TYPE = "ENCRYPTED PRIVATE KEY";
  private static final String BEGIN = "-----BEGIN " + PEM_TYPE + "-----";
  private static final String END = "-----END " + PEM_TYPE + "-----";
  private static final int SCRYPT_N = 16384;
  private static final int SCRYPT_R = 8;
  private static final int SCRYPT_P = 1;
  private static final int SALT_LENGTH = 16;

  private EncryptedPrivateKeys() {}

  /** The key, encrypted under the passphrase, as one PEM block. */
  public static String toPem(PrivateKey key, Passphrase passphrase) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(passphrase, "passphrase");
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
      throw new CryptoException("private key cannot be exported as PKCS#8: " + key.getAlgorithm());
    }
    char[] chars = passphrase.toCharArray();
    try {
      OutputEncryptor encryptor =
          new JcePKCSPBEOutputEncryptorBuilder(
                  new ScryptConfig.Builder(SCRYPT_N, SCRYPT_R, SCRYPT_P)
                      .withSaltLength(SALT_LENGTH)
                      .build(),
                  NISTObjectIdentifiers.id_aes256_CBC)
              .setProvider(Providers.bouncyCastle())
              .setRandom(Providers.random())
              .build(chars);
      PKCS8EncryptedPrivateKeyInfo encrypted =
          new PKCS8EncryptedPrivateKeyInfoBuilder(PrivateKeyInfo.getInstance(encoded))
              .build(encryptor);
      StringWriter out = new StringWriter();
      try (PemWriter writer = new PemWriter(out)) {
        writer.writeObject(new PemObject(PEM_TYPE, encrypted.getEncoded()));
      }
      return out.toString();
    } catch (OperatorCreationException | IOException | RuntimeException e) {
      throw new CryptoException("cannot encrypt the private key", e);
    } finally {
      Arrays.fill(chars, '\0');
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /**
   * Reads the first {@code ENCRYPTED PRIVATE KEY} block in {@code pem} (other blocks, such as
   * certificates, are skipped) and decrypts it.
   *
   * @throws DecryptionFailedException on a wrong passphrase or a damaged key
   * @throws CryptoException {@code "not an encrypted private key"} if there is no such block
   */
  public static PrivateKey fromPem(String pem, Passphrase passphrase) {
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(passphrase, "passphrase");
    PKCS8EncryptedPrivateKeyInfo encrypted = find(pem);
    char[] chars = passphrase.toCharArray();
    try {
      PrivateKeyInfo info =
          encrypted.decryptPrivateKeyInfo(
              new JcePKCSPBEInputDecryptorProviderBuilder()
                  .setProvider(Providers.bouncyCastle())
                  .build(chars));
      return new JcaPEMKeyConverter().getPrivateKey(info);
    } catch (PKCSException | IOException | RuntimeException e) {
      throw damaged(e);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** The PEM block between the first BEGIN/END ENCRYPTED PRIVATE KEY lines, whatever surrounds it. */
  private static PKCS8EncryptedPrivateKeyInfo find(String pem) {
    int begin = pem.indexOf(BEGIN);
    int end = begin < 0 ? -1 : pem.indexOf(END, begin);
    if (end < 0) {
      throw new CryptoException("not an encrypted private key");
    }
    String block = pem.substring(begin, end + END.length());
    PemObject object;
    try (PemReader reader = new PemReader(new StringReader(block))) {
      object = reader.readPemObject();
    } catch (IOException | RuntimeException e) {
      throw damaged(e);
    }
    if (object == null || !PEM_TYPE.equals(object.getType())) {
      throw damaged(null);
    }
    try {
      return new PKCS8EncryptedPrivateKeyInfo(object.getContent());
    } catch (IOException | RuntimeException e) {
      throw damaged(e);
    }
  }

  private static DecryptionFailedException damaged(Exception cause) {
    return new DecryptionFailedException("wrong passphrase or damaged key file", cause);
  }
}
