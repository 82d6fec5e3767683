package org.motorlearn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.motorLearn.MotorLearnFactory;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Range;
import org.motorlearn.dsl.units.SpecQuantities;
import org.motorlearn.dsl.units.SpecQuantities.Conversion;
import org.motorlearn.dsl.units.SpecQuantities.Kind;

/** Conversions to the runtime's base units, and the messages for missing and wrong units. */
public class SpecQuantitiesTest {

  private static Quantity q(String value, String unit) {
    Quantity quantity = MotorLearnFactory.eINSTANCE.createQuantity();
    quantity.setValue(new BigDecimal(value));
    quantity.setUnit(unit);
    return quantity;
  }

  private static void assertValue(double expected, Conversion conversion) {
    assertNull(conversion.problem(), conversion.problem());
    assertEquals(expected, conversion.value(), 1e-12);
  }

  @Test
  public void times() {
    assertValue(0.05, SpecQuantities.seconds(q("50", "ms"), null));
    assertValue(0.05, SpecQuantities.seconds(q("0.05", "s"), null));
    assertValue(2.82, SpecQuantities.seconds(q("282", "bins"), 0.01));
    assertValue(2.82, SpecQuantities.seconds(q("282", "bin"), 0.01));
    assertValue(282, SpecQuantities.bins(q("2.82", "s"), 0.01));
    assertValue(-60, SpecQuantities.bins(q("-600", "ms"), 0.01));
    assertValue(282, SpecQuantities.bins(q("282", "bins"), 0.01));
    assertEquals("5 ms is not a whole number of bins of 10 ms (it is 0.5 bins)",
        SpecQuantities.bins(q("5", "ms"), 0.01).problem());
    assertEquals("a time in bins needs the network's dt", SpecQuantities.seconds(q("3", "bins"), null).problem());
  }

  @Test
  public void missingAndWrongUnits() {
    assertEquals("missing unit: expected a time (ms, s or bins), e.g. 50 ms", SpecQuantities.seconds(q("50", null), null).problem());
    assertEquals("wrong unit 'cm': expected a time (ms, s or bins), e.g. 50 ms", SpecQuantities.seconds(q("50", "cm"), null).problem());
    assertEquals("wrong unit 'bins': expected a time step (ms or s), e.g. 10 ms",
        SpecQuantities.convert(q("1", "bins"), Kind.TIME_STEP, 0.01).problem());
    assertEquals("wrong unit 'ms': expected a whole number without unit, e.g. 400", SpecQuantities.count(q("400", "ms")).problem());
    assertEquals("must be a whole number, got 2.5", SpecQuantities.count(q("2.5", null)).problem());
    assertEquals("must be a whole number, got 0.0001", SpecQuantities.count(q("1e-4", null)).problem());
    assertEquals("must be a whole number, got 1e-40", SpecQuantities.count(q("1e-40", null)).problem(), "not 41 digits");
    assertEquals("must be at most 2147483647, got 10000000000", SpecQuantities.count(q("1e10", null)).problem());
    assertEquals("must be at most 2147483647, got 1e20", SpecQuantities.count(q("1e20", null)).problem());
    assertEquals("must be at most 2147483647, got 3000000000", SpecQuantities.count(q("3000000000", null)).problem());
    assertValue(2147483647, SpecQuantities.count(q("2147483647", null)));
    assertEquals("too large: 1e400 is beyond the largest number a double holds (about 1.8e308)",
        SpecQuantities.degrees(q("1e400", "deg")).problem(), "not an infinite rotation");
    assertEquals("missing unit: expected an angle (deg or rad), e.g. 30 deg", SpecQuantities.degrees(q("30", null)).problem());
  }

  @Test
  public void lengthsAnglesFractionsCounts() {
    assertValue(7, SpecQuantities.centimetres(q("7", "cm")));
    assertValue(7, SpecQuantities.centimetres(q("70", "mm")));
    assertValue(30, SpecQuantities.degrees(q("30", "deg")));
    assertValue(180, SpecQuantities.degrees(q(String.valueOf(Math.PI), "rad")));
    assertValue(0.2, SpecQuantities.fraction(q("20", "%")));
    assertValue(0.2, SpecQuantities.fraction(q("0.2", null)));
    assertValue(400, SpecQuantities.count(q("400", null)));
    assertValue(400, SpecQuantities.count(q("4e2", null)));
    assertValue(80, SpecQuantities.convert(q("80", "trials"), Kind.TRIALS, null));
    assertValue(1e-4, SpecQuantities.convert(q("1e-4", null), Kind.NUMBER, null));
  }

  @Test
  public void rangesShareTheirUnit() {
    Range reach = MotorLearnFactory.eINSTANCE.createRange();
    reach.setMin(q("7", null));
    reach.setMax(q("10", "cm"));
    SpecQuantities.RangeConversion cm = SpecQuantities.convert(reach, Kind.LENGTH, null);
    assertValue(7, cm.min());
    assertValue(10, cm.max());

    Range cue = MotorLearnFactory.eINSTANCE.createRange();
    cue.setMin(q("150", "bin"));
    cue.setMax(q("180", null));
    SpecQuantities.RangeConversion seconds = SpecQuantities.convert(cue, Kind.TIME, 0.01);
    assertValue(1.5, seconds.min());
    assertValue(1.8, seconds.max());

    Range go = MotorLearnFactory.eINSTANCE.createRange();
    go.setMin(q("282", "bin"));
    SpecQuantities.RangeConversion single = SpecQuantities.convert(go, Kind.TIME, 0.01);
    assertValue(2.82, single.max());

    Range bad = MotorLearnFactory.eINSTANCE.createRange();
    bad.setMin(q("7", null));
    bad.setMax(q("10", null));
    assertFalse(SpecQuantities.convert(bad, Kind.LENGTH, null).ok());
  }

  @Test
  public void everyQuantitySettingHasAKind() {
    MotorLearnPackage p = MotorLearnPackage.eINSTANCE;
    p.eAllContents().forEachRemaining(o -> {
      if (o instanceof org.eclipse.emf.ecore.EReference) {
        org.eclipse.emf.ecore.EReference ref = (org.eclipse.emf.ecore.EReference) o;
        boolean holdsQuantity = ref.isContainment() && !ref.isMany()
            && (ref.getEReferenceType() == p.getQuantity() || ref.getEReferenceType() == p.getRange());
        if (holdsQuantity && ref.getEContainingClass() != p.getRange() && ref.getEContainingClass() != p.getSweepAxis()) {
          assertEquals(true, SpecQuantities.kindOf(ref) != null, "no kind for " + ref.getEContainingClass().getName() + "." + ref.getName());
        }
      }
    });
  }

  @Test
  public void formatAsWritten() {
    assertEquals("50 ms", SpecQuantities.format(q("50", "ms")));
    assertEquals("bin 282", SpecQuantities.format(q("282", "bin")));
    assertEquals("20%", SpecQuantities.format(q("20", "%")));
    assertEquals("0.0001", SpecQuantities.format(q("1E-4", null)));
  }
}
