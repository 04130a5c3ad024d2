package org.medledger.node.api;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.medledger.crypto.Signer;
import org.medledger.ledger.Digest;
import org.medledger.ledger.identity.CertificateCodec;

/**
 * A signed API request: how a client proves who reads, and what the node checks. The client signs
 * the canonical {@link #message message} with the private key of a certificate recorded on chain
 * and sends, in the header {@value #HEADER}:
 *
 * <pre>
 * MedLedger-Signature: cert=&lt;SHA-256 of the certificate's DER, hex&gt;, created=&lt;epoch seconds&gt;,
 *     signature=&lt;base64&gt;
 * </pre>
 *
 * on one line, its parts in any order. The message binds the request to this chain, the
 * certificate, the time and the exact request ({@code METHOD} and the raw path with its query),
 * one field a line (UTF-8, no trailing newline):
 *
 * <pre>
 * medledger-request-v1
 * &lt;chain id&gt;
 * &lt;certificate fingerprint, hex&gt;
 * &lt;created, epoch seconds&gt;
 * &lt;METHOD&gt;
 * &lt;raw path&gt;[?&lt;raw query&gt;]
 * </pre>
 *
 * A node accepts a signature made at most {@link #MAX_SKEW} from its own clock, either way.
 * Anyone who holds a signed header can repeat that same request within that window; over TLS only
 * the signer (and whatever terminates TLS for it) holds it, and a repeat is answered with what the
 * signer may read at that moment, checked afresh — a read changes nothing. A signature for one
 * path, query, method, chain or certificate is useless for any other.
 */
public final class RequestSignature {
  /** The request header that carries the signature. */
  public static final String HEADER = "MedLedger-Signature";

  /** The first line of every signed message: separates request signatures from any other. */
  public static final String DOMAIN = "medledger-request-v1";

  /** How far from the node's clock a signature's time may be, either way. */
  public static final Duration MAX_SKEW = Duration.ofSeconds(300);

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");

  private RequestSignature() {}

  /** The parts of a {@value #HEADER} header: which certificate, when, and the signature. */
  public record Header(Digest certificate, long created, byte[] signature) {
    public Header {
      Objects.requireNonNull(certificate, "certificate");
      if (created < 0) {
        throw new IllegalArgumentException("created is epoch seconds, not negative");
      }
      signature = signature.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    /** The header's value, e.g. {@code cert=ab12…, created=1700000000, signature=MEUCIQ…}. */
    public String format() {
      return "cert=" + certificate.hex() + ", created=" + created + ", signature="
          + Base64.getEncoder().encodeToString(signature);
    }
  }

  /**
   * The canonical message a request signature covers.
   *
   * @param pathAndQuery the raw (percent-encoded) path as sent, with {@code ?} and the raw query if any
   * @throws IllegalArgumentException if a field is empty or holds a control character
   */
  public static byte[] message(String chainId, Digest certificate, long created, String method, String pathAndQuery) {
    requireLine(chainId, "the chain id");
    Objects.requireNonNull(certificate, "certificate");
    if (method == null || !METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException("an HTTP method is upper-case letters, not '" + method + "'");
    }
    requireLine(pathAndQuery, "the path");
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("the path starts with '/': " + pathAndQuery);
    }
    return String.join("\n", DOMAIN, chainId, certificate.hex(), Long.toString(created), method, pathAndQuery)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Signs a request made at {@code at} (whole seconds) and returns the header's value. */
  public static String sign(Signer signer, X509Certificate certificate, String chainId, String method,
      String pathAndQuery, Instant at) {
    Digest fingerprint = CertificateCodec.fingerprint(certificate);
    long created = at.getEpochSecond();
    byte[] signature = signer.sign(message(chainId, fingerprint, created, method, pathAndQuery));
    return new Header(fingerprint, created, signature).format();
  }

  /**
   * Reads a header's value: exactly the three parts {@code cert}, {@code created} and {@code
   * signature}, each once, in any order, separated by commas.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static Header parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the " + HEADER + " header is empty");
    }
    if (value.length() > 4096) {
      throw new IllegalArgumentException("the " + HEADER + " header is too long");
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : value.split(",", -1)) {
      int equals = part.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("the " + HEADER + " header is name=value parts separated by commas");
      }
      String name = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      if (!name.equals("cert") && !name.equals("created") && !name.equals("signature")) {
        throw new IllegalArgumentException("unknown part '" + name + "' in the " + HEADER + " header");
      }
      if (parts.put(name, part.substring(equals + 1).strip()) != null) {
        throw new IllegalArgumentException("the part '" + name + "' appears twice in the " + HEADER + " header");
      }
    }
    String certificate = required(parts, "cert", FINGERPRINT,
        "the SHA-256 fingerprint of the signer's certificate, 64 lower-case hex digits");
    String created = required(parts, "created", SECONDS, "the time of signing in epoch seconds");
    String signature = required(parts, "signature", BASE64, "the signature in base64");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the signature in the " + HEADER + " header is not base64");
    }
    return new Header(Digest.fromHex(certificate), Long.parseLong(created), bytes);
  }

  private static String required(Map<String, String> parts, String name, Pattern pattern, String what) {
    String value = parts.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the " + HEADER + " header lacks '" + name + "' (" + what + ")");
    }
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + name + "' in the " + HEADER + " header is not " + what);
    }
    return value;
  }

  private static void requireLine(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(what + " holds a control character");
      }
    }
  }
}
