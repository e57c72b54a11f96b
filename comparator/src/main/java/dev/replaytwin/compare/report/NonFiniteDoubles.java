package dev.replaytwin.compare.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * Doubles as plain JSON can carry them: NaN ("no value") is written as {@code null} and read back as
 * NaN, for {@code double} and {@code Double} alike; the infinities, which JSON has no number for, as
 * the strings {@code "Infinity"} and {@code "-Infinity"} (what JavaScript's {@code Number()} reads).
 */
final class NonFiniteDoubles {
  private NonFiniteDoubles() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("replaytwin-non-finite-doubles");
    module.addSerializer(Double.class, new Writer());
    module.addSerializer(Double.TYPE, new Writer());
    module.addDeserializer(Double.class, new Reader());
    module.addDeserializer(Double.TYPE, new Reader());
    return module;
  }

  private static final class Writer extends StdScalarSerializer<Double> {
    Writer() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      double d = value;
      if (Double.isNaN(d)) {
        gen.writeNull();
      } else if (Double.isInfinite(d)) {
        gen.writeString(d > 0 ? "Infinity" : "-Infinity");
      } else {
        gen.writeNumber(d);
      }
    }
  }

  private static final class Reader extends StdScalarDeserializer<Double> {
    Reader() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDoubleValue();
      }
      if (token == JsonToken.VALUE_NULL) {
        return Double.NaN;
      }
      if (token == JsonToken.VALUE_STRING) {
        switch (p.getText()) {
          case "Infinity":
            return Double.POSITIVE_INFINITY;
          case "-Infinity":
            return Double.NEGATIVE_INFINITY;
          case "NaN":
            return Double.NaN;
          default:
            return (Double) ctxt.handleWeirdStringValue(Double.class, p.getText(),
                "expected a number, null, \"Infinity\" or \"-Infinity\"");
        }
      }
      return (Double) ctxt.handleUnexpectedToken(Double.class, p);
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
      return Double.NaN;
    }
  }
}
