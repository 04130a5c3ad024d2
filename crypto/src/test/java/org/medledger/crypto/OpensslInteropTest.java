package org.medledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Encrypted key files against the real {@code openssl} binary (skipped where it is absent). */
class OpensslInteropTest {
  private static final String PASSPHRASE_VARIABLE = "MEDLEDGER_TEST_PASSPHRASE";
  private static final String PASSPHRASE = "open sesame 42";

  @TempDir Path dir;

  @BeforeAll
  static void requireOpenssl() throws InterruptedException {
    boolean available;
    try {
      available = run(List.of("openssl", "version"), Map.of()) == 0;
    } catch (IOException e) {
      available = false;
    }
    assumeTrue(available, "openssl is not installed");
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void opensslDecryptsOurKeyFileWithTheRightPassphrase(SignatureScheme scheme) throws Exception {
    KeyPair keys = TestKeys.of(scheme);
    Path encrypted = dir.resolve("key.pem");
    Path decrypted = dir.resolve("plain.pem");
    Path publicKey = dir.resolve("public.der");
    Files.writeString(
        encrypted,
        EncryptedPrivateKeys.toPem(keys.getPrivate(), Passphrase.of(PASSPHRASE.toCharArray())));

    int decryptExit = run(
        List.of("openssl", "pkcs8", "-in", encrypted.toString(), "-passin", "env:" + PASSPHRASE_VARIABLE,
            "-out", decrypted.toString()),
        Map.of(PASSPHRASE_VARIABLE, PASSPHRASE));
    int publicExit = run(
        List.of("openssl", "pkey", "-in", decrypted.toString(), "-pubout", "-outform", "DER",
            "-out", publicKey.toString()),
        Map.of());

    assertThat(decryptExit).isZero();
    assertThat(publicExit).isZero();
    assertThat(Files.readAllBytes(publicKey)).isEqualTo(keys.getPublic().getEncoded());
  }

  @Test
  void opensslRefusesOurKeyFileWithAWrongPassphrase() throws Exception {
    Path encrypted = dir.resolve("key.pem");
    Files.writeString(
        encrypted,
        EncryptedPrivateKeys.toPem(TestKeys.ec().getPrivate(), Passphrase.of(PASSPHRASE.toCharArray())));

    int exit = run(
        List.of("openssl", "pkcs8", "-in", encrypted.toString(), "-passin", "env:" + PASSPHRASE_VARIABLE,
            "-out", dir.resolve("plain.pem").toString()),
        Map.of(PASSPHRASE_VARIABLE, "open sesame 43"));

    assertThat(exit).isNotZero();
  }

  @Test
  void weReadAScryptKeyFileWrittenByOpenssl() throws Exception {
    Path plain = dir.resolve("plain.pem");
    Path encrypted = dir.resolve("key.pem");
    Path publicKey = dir.resolve("public.der");
    assertThat(run(List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-out", plain.toString()), Map.of()))
        .isZero();
    assertThat(run(List.of("openssl", "pkcs8", "-topk8", "-scrypt", "-in", plain.toString(),
            "-passout", "env:" + PASSPHRASE_VARIABLE, "-out", encrypted.toString()),
        Map.of(PASSPHRASE_VARIABLE, PASSPHRASE)))
        .isZero();
    assertThat(run(List.of("openssl", "pkey", "-in", plain.toString(), "-pubout", "-outform", "DER",
            "-out", publicKey.toString()), Map.of()))
        .isZero();

    var key = EncryptedPrivateKeys.fromPem(
        Files.readString(encrypted, StandardCharsets.US_ASCII), Passphrase.of(PASSPHRASE.toCharArray()));
    var publicKeyObject = java.security.KeyFactory.getInstance("EC")
        .generatePublic(new java.security.spec.X509EncodedKeySpec(Files.readAllBytes(publicKey)));

    assertThat(SignatureScheme.of(publicKeyObject)).isEqualTo(SignatureScheme.ECDSA_P256_SHA256);
    Signer signer = SignatureScheme.ECDSA_P256_SHA256.signer(new KeyPair(publicKeyObject, key));
    assertThat(SignatureScheme.ECDSA_P256_SHA256.verifier(publicKeyObject)
            .verify(new byte[] {1}, signer.sign(new byte[] {1})))
        .isTrue();
  }

  /** Runs a command with extra environment variables (secrets never go on the command line). */
  private static int run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return process.exitValue();
  }
}
