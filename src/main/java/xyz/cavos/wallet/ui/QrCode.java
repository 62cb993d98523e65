package xyz.cavos.wallet.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** A QR code as a JavaFX image, drawn module by module so it stays sharp at any size. */
public final class QrCode {

    private QrCode() {
    }

    /** The QR code of {@code text}, each module {@code scale} pixels square, with a quiet zone of two modules. */
    public static Image of(String text, int scale) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot draw a QR code for this text: " + e.getMessage(), e);
        }
        WritableImage image = new WritableImage(matrix.getWidth() * scale, matrix.getHeight() * scale);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                int argb = matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        pixels.setArgb(x * scale + dx, y * scale + dy, argb);
                    }
                }
            }
        }
        return image;
    }
}
