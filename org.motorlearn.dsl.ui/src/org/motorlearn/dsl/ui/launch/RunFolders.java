package org.motorlearn.dsl.ui.launch;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.core.resources.IFile;

/** Where runs of a spec go (runs/ next to it, unless the launch says otherwise) and who wants to know. */
public final class RunFolders {
  public static final String DEFAULT_FOLDER = "runs";
  private static final CopyOnWriteArrayList<Consumer<IFile>> LISTENERS = new CopyOnWriteArrayList<>();

  private RunFolders() {
  }

  /** Called (on any thread) whenever runs of a spec may have changed: a run started or ended. */
  public static void addListener(Consumer<IFile> listener) {
    LISTENERS.add(listener);
  }

  public static void removeListener(Consumer<IFile> listener) {
    LISTENERS.remove(listener);
  }

  static void changed(IFile spec) {
    for (Consumer<IFile> listener : LISTENERS) {
      listener.accept(spec);
    }
  }
}
