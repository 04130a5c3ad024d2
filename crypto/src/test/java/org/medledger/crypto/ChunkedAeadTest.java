package org.medledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedAeadTest {
  private static final int CHUNK = ChunkedAesGcm.CHUNK_LENGTH;
  private static final int SEALED = CHUNK + 16;
  private static final int HEADER = 40;
  private static final byte[] AAD = "record 7 / patient 3 / v2 / normal".getBytes(StandardCharsets.UTF_8);

  private final AeadScheme scheme = AeadScheme.AES_256_GCM_CHUNKED;
  private final SecretBytes key = scheme.generateKey();
  private final Aead aead = scheme.aead(key);

  @ParameterizedTest
  @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7, 1 << 20})
  void decryptingTheCiphertextGivesBackThePlaintext(int size) {
    byte[] plaintext = bytes(size, size);

    byte[] ciphertext = aead.encrypt(plaintext, AAD);

    assertThat(aead.decrypt(ciphertext, AAD)).isEqualTo(plaintext);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7, 1 << 20})
  void ciphertextIsHeaderPlusOneTagPerStartedChunk(int size) {
    int chunks = Math.max(1, (size + CHUNK - 1) / CHUNK);

    assertThat(aead.encrypt(new byte[size], AAD)).hasSize(HEADER + size + 16 * chunks);
  }

  @Test
  void anotherInstanceWithTheSameKeyDecrypts() {
    byte[] ciphertext = aead.encrypt(bytes(1000, 1), AAD);

    assertThat(scheme.aead(SecretBytes.copyOf(key.toByteArray())).decrypt(ciphertext, AAD))
        .isEqualTo(bytes(1000, 1));
  }

  @Test
  void emptyAssociatedDataWorks() {
    byte[] ciphertext = aead.encrypt(bytes(10, 2), new byte[0]);

    assertThat(aead.decrypt(ciphertext, new byte[0])).isEqualTo(bytes(10, 2));
  }

  @Test
  void twoEncryptionsOfTheSamePlaintextDiffer() {
    byte[] plaintext = bytes(100, 3);

    assertThat(aead.encrypt(plaintext, AAD)).isNotEqualTo(aead.encrypt(plaintext, AAD));
  }

  @Test
  void theCiphertextDoesNotContainThePlaintext() {
    byte[] plaintext = "Patient has condition X".getBytes(StandardCharsets.UTF_8);
    String ciphertext = new String(aead.encrypt(plaintext, AAD), StandardCharsets.ISO_8859_1);

    assertThat(ciphertext).doesNotContain("Patient");
  }

  @Test
  void decryptingWithDifferentAssociatedDataFails() {
    byte[] ciphertext = aead.encrypt(bytes(100, 4), AAD);
    byte[] otherAad = AAD.clone();
    otherAad[0] ^= 1;

    assertFails(ciphertext, otherAad);
    assertFails(ciphertext, new byte[0]);
    assertFails(ciphertext, Arrays.copyOf(AAD, AAD.length + 1));
  }

  @Test
  void decryptingWithADifferentKeyFails() {
    byte[] ciphertext = aead.encrypt(bytes(100, 5), AAD);

    assertThatThrownBy(() -> scheme.aead(scheme.generateKey()).decrypt(ciphertext, AAD))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 20, 33, 35, 39})
  void aChangedHeaderByteFails(int offset) {
    byte[] ciphertext = aead.encrypt(bytes(3 * CHUNK + 7, 6), AAD);
    ciphertext[offset] ^= 0x01;

    assertFails(ciphertext, AAD);
  }

  @Test
  void aChangedByteInAMiddleChunkFails() {
    byte[] ciphertext = aead.encrypt(bytes(3 * CHUNK + 7, 7), AAD);
    ciphertext[HEADER + SEALED + 1000] ^= (byte) 0x80;

    assertFails(ciphertext, AAD);
  }

  @Test
  void aChangedTagByteFails() {
    byte[] firstTag = aead.encrypt(bytes(3 * CHUNK + 7, 8), AAD);
    firstTag[HEADER + CHUNK + 3] ^= 1;
    byte[] lastTag = aead.encrypt(bytes(3 * CHUNK + 7, 8), AAD);
    lastTag[lastTag.length - 1] ^= 1;

    assertFails(firstTag, AAD);
    assertFails(lastTag, AAD);
  }

  @Test
  void anEmptyPlaintextWithAChangedTagFails() {
    byte[] ciphertext = aead.encrypt(new byte[0], AAD);
    ciphertext[HEADER + 5] ^= 1;

    assertFails(ciphertext, AAD);
  }

  @Test
  void droppingTheLastChunkFails() {
    byte[] ciphertext = aead.encrypt(bytes(3 * CHUNK + 7, 9), AAD);

    assertFails(Arrays.copyOf(ciphertext, HEADER + 3 * SEALED), AAD);
  }

  @Test
  void droppingTheLastFullChunkFails() {
    byte[] ciphertext = aead.encrypt(bytes(3 * CHUNK, 9), AAD);

    assertFails(Arrays.copyOf(ciphertext, HEADER + 2 * SEALED), AAD);
  }

  @Test
  void cuttingInsideAChunkFails() {
    byte[] ciphertext = aead.encrypt(bytes(3 * CHUNK + 7, 10), AAD);

    assertFails(Arrays.copyOf(ciphertext, HEADER + SEALED + 1000), AAD);
    assertFails(Arrays.copyOf(ciphertext, ciphertext.length - 1), AAD);
    assertFails(Arrays.copyOf(ciphertext, HEADER + 15), AAD);
    assertFails(Arrays.copyOf(ciphertext, HEADER), AAD);
    assertFails(new byte[0], AAD);
  }

  @Test
  void swappingTwoChunksFails() {
    byte[] ciphertext = aead.encrypt(bytes(3 * CHUNK + 7, 11), AAD);
    byte[] swapped = ciphertext.clone();
    System.arraycopy(ciphertext, HEADER, swapped, HEADER + SEALED, SEALED);
    System.arraycopy(ciphertext, HEADER + SEALED, swapped, HEADER, SEALED);

    assertFails(swapped, AAD);
  }

  @Test
  void duplicatingAChunkFails() {
    byte[] ciphertext = aead.encrypt(bytes(2 * CHUNK + 7, 12), AAD);
    byte[] duplicated =
        concat(
            Arrays.copyOf(ciphertext, HEADER + 2 * SEALED),
            Arrays.copyOfRange(ciphertext, HEADER + SEALED, ciphertext.length));

    assertFails(duplicated, AAD);
  }

  @Test
  void chunksFromAnotherMessageUnderTheSameKeyAreRejected() {
    byte[] first = aead.encrypt(bytes(2 * CHUNK + 7, 13), AAD);
    byte[] second = aead.encrypt(bytes(2 * CHUNK + 7, 13), AAD);
    byte[] spliced = first.clone();
    System.arraycopy(second, HEADER + SEALED, spliced, HEADER + SEALED, SEALED);

    assertFails(spliced, AAD);
  }

  @Test
  void anUnknownVersionFails() {
    byte[] ciphertext = aead.encrypt(bytes(10, 14), AAD);
    ciphertext[0] = 2;

    assertFails(ciphertext, AAD);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 15, 16, 17, 100, SEALED})
  void trailingBytesFail(int extra) {
    byte[] ciphertext = aead.encrypt(bytes(CHUNK, 15), AAD);

    assertFails(Arrays.copyOf(ciphertext, ciphertext.length + extra), AAD);
  }

  @Test
  void aKeyOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> scheme.aead(SecretBytes.random(16)))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("32");
    assertThat(scheme.keyLength()).isEqualTo(32);
    assertThat(scheme.generateKey().length()).isEqualTo(32);
  }

  @Test
  void theAeadKeepsItsOwnCopyOfTheKey() {
    SecretBytes copy = SecretBytes.copyOf(key.toByteArray());
    Aead own = scheme.aead(copy);
    copy.destroy();

    assertThat(own.decrypt(aead.encrypt(bytes(5, 16), AAD), AAD)).isEqualTo(bytes(5, 16));
  }

  @Test
  void theFormatIsTheDocumentedOne() throws Exception {
    byte[] plaintext = bytes(CHUNK + 10, 17);
    byte[] ciphertext = aead.encrypt(plaintext, AAD);
    byte[] salt = Arrays.copyOfRange(ciphertext, 1, 33);
    byte[] prefix = Arrays.copyOfRange(ciphertext, 33, 40);
    byte[] subkey = new byte[32];
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(
        new HKDFParameters(
            key.toByteArray(),
            salt,
            concat("medledger-aead-v1".getBytes(StandardCharsets.US_ASCII), AAD)));
    hkdf.generateBytes(subkey, 0, 32);

    byte[] chunk0 = gcmDecrypt(subkey, nonce(prefix, 0, false), ciphertext, HEADER, SEALED);
    byte[] chunk1 =
        gcmDecrypt(subkey, nonce(prefix, 1, true), ciphertext, HEADER + SEALED, 10 + 16);

    assertThat(ciphertext[0]).isEqualTo((byte) 1);
    assertThat(concat(chunk0, chunk1)).isEqualTo(plaintext);
  }

  @Test
  void hkdfMatchesRfc5869TestCase1() {
    byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = hex("000102030405060708090a0b0c");
    byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");

    assertThat(Hkdf.sha256(ikm, salt, 42, Arrays.copyOf(info, 4), Arrays.copyOfRange(info, 4, 10)))
        .isEqualTo(
            hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
  }

  private void assertFails(byte[] ciphertext, byte[] associatedData) {
    assertThatThrownBy(() -> aead.decrypt(ciphertext, associatedData))
        .isInstanceOf(DecryptionFailedException.class);
  }

  private static byte[] gcmDecrypt(byte[] key, byte[] nonce, byte[] in, int offset, int length)
      throws Exception {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    return cipher.doFinal(in, offset, length);
  }

  private static byte[] nonce(byte[] prefix, int index, boolean last) {
    byte[] nonce = Arrays.copyOf(prefix, 12);
    nonce[7] = (byte) (index >>> 24);
    nonce[8] = (byte) (index >>> 16);
    nonce[9] = (byte) (index >>> 8);
    nonce[10] = (byte) index;
    nonce[11] = (byte) (last ? 1 : 0);
    return nonce;
  }

  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  static byte[] hex(String hex) {
    return org.bouncycastle.util.encoders.Hex.decode(hex);
  }
}
