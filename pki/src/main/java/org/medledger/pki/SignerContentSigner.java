package org.medledger.pki;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.medledger.crypto.Signer;

/** Lets BouncyCastle's certificate, CSR and CRL builders sign with a MedLedger {@link Signer}. */
final class SignerContentSigner implements ContentSigner {
  private final Signer signer;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  SignerContentSigner(Signer signer) {
    this.signer = signer;
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return signer.scheme().algorithmIdentifier();
  }

  @Override
  public OutputStream getOutputStream() {
    return buffer;
  }

  @Override
  public byte[] getSignature() {
    return signer.sign(buffer.toByteArray());
  }
}
