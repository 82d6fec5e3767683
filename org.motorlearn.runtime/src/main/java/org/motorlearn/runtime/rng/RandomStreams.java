package org.motorlearn.runtime.rng;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * The only source of randomness in a run. Each stream is derived from the run seed and the NAME of
 * what it initialises ("init/PMd -> M1", "task/train", "x0/phase Hlocal/update 17"), hashed with
 * SHA-256, so adding a module or a phase never shifts another stream, and results do not depend on
 * thread count or the order in which streams are created.
 */
public final class RandomStreams {

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** A fresh generator for the named stream; the same name always gives the same sequence. */
  public SplittableRandom stream(String name) {
    return new SplittableRandom(derive(seed, name));
  }

  /** 64 bits of SHA-256("motorlearn:" + seed + ":" + name). */
  public static long derive(long seed, String name) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(("motorlearn:" + seed + ":" + name).getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A standard normal deviate (Box-Muller on two uniforms; deterministic, no cached spare). */
  public static double gaussian(SplittableRandom random) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
