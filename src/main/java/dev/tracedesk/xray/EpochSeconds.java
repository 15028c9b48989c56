package dev.tracedesk.xray;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes an API timestamp as epoch seconds with fraction in plain notation ({@code 1716560306.012}), the rest-json
 * form AWS SDKs read (spec §1.3). Use with {@code @JsonSerialize(using = EpochSeconds.class)} on Double fields.
 */
public final class EpochSeconds extends StdSerializer<Double> {
    public EpochSeconds() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null || value.isNaN() || value.isInfinite()) {
            gen.writeNull();
        } else {
            gen.writeNumber(BigDecimal.valueOf(value).toPlainString());
        }
    }

    /** Rounds seconds to microseconds, the precision the API shapes report. */
    public static double micros(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return seconds;
        }
        return Math.round(seconds * 1e6) / 1e6;
    }
}
