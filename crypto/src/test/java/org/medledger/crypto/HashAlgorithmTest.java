package org.medledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class HashAlgorithmTest {
  private final Hash sha256 = HashAlgorithm.SHA_256;

  @Test
  void sha256OfAbcIsTheFips180Vector() {
    assertThat(hex(sha256.digest(ascii("abc"))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void sha256OfTheEmptyMessageIsTheKnownValue() {
    assertThat(hex(sha256.digest(new byte[0])))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void sha256OfThe448BitMessageIsTheFips180Vector() {
    assertThat(hex(sha256.digest(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  @Test
  void digestOfPartsEqualsDigestOfTheirConcatenation() {
    assertThat(sha256.digest(ascii("ab"), ascii(""), ascii("c"))).isEqualTo(sha256.digest(ascii("abc")));
    assertThat(sha256.digest(new byte[0][])).isEqualTo(sha256.digest(new byte[0]));
    assertThat(sha256.digest(ascii("ab"), ascii("c"))).isNotEqualTo(sha256.digest(ascii("a"), ascii("bd")));
  }

  @Test
  void sha256DigestsAre32BytesLong() {
    assertThat(sha256.length()).isEqualTo(32);
    assertThat(sha256.digest(ascii("x"))).hasSize(32);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String hex(byte[] bytes) {
    return Hex.toHexString(bytes);
  }
}
