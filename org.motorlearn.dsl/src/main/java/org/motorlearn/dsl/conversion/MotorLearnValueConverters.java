package org.motorlearn.dsl.conversion;

import java.math.BigDecimal;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractValueConverter;
import org.eclipse.xtext.nodemodel.INode;

/** Numbers are exact decimals ({@link BigDecimal}): 1e-4 stays 1e-4, 0.1 stays 0.1. Names drop the escape {@code ^}. */
public class MotorLearnValueConverters extends DefaultTerminalConverters {

  private final IValueConverter<BigDecimal> decimal = new AbstractValueConverter<>() {
    @Override
    public BigDecimal toValue(String string, INode node) {
      if (string == null || string.isEmpty()) {
        throw new ValueConverterException("a number is missing", node, null);
      }
      try {
        return new BigDecimal(string);
      } catch (NumberFormatException e) {
        throw new ValueConverterException("'" + string + "' is not a number", node, e);
      }
    }

    @Override
    public String toString(BigDecimal value) {
      if (value == null) {
        throw new ValueConverterException("a number is missing", null, null);
      }
      return value.toString();
    }
  };

  private final IValueConverter<String> name = new AbstractValueConverter<>() {
    @Override
    public String toValue(String string, INode node) {
      return string != null && string.startsWith("^") ? string.substring(1) : string;
    }

    @Override
    public String toString(String value) {
      return value;
    }
  };

  @ValueConverter(rule = "Number")
  public IValueConverter<BigDecimal> Number() {
    return decimal;
  }

  @ValueConverter(rule = "SignedNumber")
  public IValueConverter<BigDecimal> SignedNumber() {
    return decimal;
  }

  @ValueConverter(rule = "Name")
  public IValueConverter<String> Name() {
    return name;
  }
}
