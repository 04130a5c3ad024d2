package org.medledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class SecretBytesTest {
  private static final byte[] CONTENT = {0x41, 0x42, 0x43, 0x44, 0x7f, 0x10};

  @Test
  void toStringRevealsNothing() {
    SecretBytes secret = SecretBytes.copyOf(CONTENT);

    assertThat(secret.toString())
        .isEqualTo("SecretBytes[redacted]")
        .doesNotContain("ABCD")
        .doesNotContainIgnoringCase(Hex.toHexString(CONTENT).substring(0, 4))
        .doesNotContain("65");
  }

  @Test
  void equalityIsByContent() {
    SecretBytes secret = SecretBytes.copyOf(CONTENT);

    assertThat(secret).isEqualTo(SecretBytes.copyOf(CONTENT));
    assertThat(secret).hasSameHashCodeAs(SecretBytes.copyOf(CONTENT));
    assertThat(secret).isNotEqualTo(SecretBytes.copyOf(new byte[] {0x41, 0x42, 0x43, 0x44, 0x7f, 0x11}));
    assertThat(secret).isNotEqualTo(SecretBytes.copyOf(new byte[] {0x41}));
    assertThat(secret).isNotEqualTo(CONTENT);
  }

  @Test
  void theHashCodeDoesNotDependOnTheContent() {
    assertThat(SecretBytes.random(32).hashCode()).isEqualTo(SecretBytes.random(32).hashCode());
  }

  @Test
  void theHolderKeepsItsOwnCopy() {
    byte[] source = CONTENT.clone();
    SecretBytes secret = SecretBytes.copyOf(source);
    source[0] = 0;
    secret.toByteArray()[1] = 0;

    assertThat(secret.toByteArray()).isEqualTo(CONTENT);
    assertThat(secret.length()).isEqualTo(CONTENT.length);
  }

  @Test
  void randomSecretsHaveTheLengthAskedAndDiffer() {
    assertThat(SecretBytes.random(32).length()).isEqualTo(32);
    assertThat(SecretBytes.random(32)).isNotEqualTo(SecretBytes.random(32));
    assertThatThrownBy(() -> SecretBytes.random(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void destroyZeroesTheBytesAndLaterAccessFails() throws Exception {
    SecretBytes secret = SecretBytes.copyOf(CONTENT);

    secret.destroy();

    assertThat(secret.isDestroyed()).isTrue();
    assertThat(internalBytes(secret)).containsOnly(0);
    assertThatThrownBy(secret::toByteArray).isInstanceOf(IllegalStateException.class);
    assertThat(secret).isNotEqualTo(SecretBytes.copyOf(new byte[CONTENT.length]));
    assertThat(secret.toString()).isEqualTo("SecretBytes[redacted]");
  }

  @Test
  void passphraseToStringRevealsNothing() {
    assertThat(Passphrase.of("correct horse".toCharArray()).toString())
        .isEqualTo("Passphrase[redacted]");
  }

  @Test
  void passphraseKeepsItsOwnCopy() {
    char[] source = "correct horse".toCharArray();
    Passphrase passphrase = Passphrase.of(source);
    source[0] = 'x';
    passphrase.toCharArray()[1] = 'x';

    assertThat(passphrase.toCharArray()).containsExactly("correct horse".toCharArray());
  }

  @Test
  void anEmptyPassphraseIsRefused() {
    assertThatThrownBy(() -> Passphrase.of(new char[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void destroyedPassphraseCannotBeRead() {
    Passphrase passphrase = Passphrase.of("secret".toCharArray());

    passphrase.destroy();

    assertThat(passphrase.isDestroyed()).isTrue();
    assertThatThrownBy(passphrase::toCharArray).isInstanceOf(IllegalStateException.class);
  }

  private static byte[] internalBytes(SecretBytes secret) throws Exception {
    Field field = SecretBytes.class.getDeclaredField("bytes");
    field.setAccessible(true);
    return (byte[]) field.get(secret);
  }
}
