import QRCode from "qrcode";

/**
 * The join link as an SVG QR code, drawn on the server. Error correction M survives a projector's
 * glare; the quiet zone is kept so phones find the code on a busy screen. The SVG scales freely.
 */
export async function invitationQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}
