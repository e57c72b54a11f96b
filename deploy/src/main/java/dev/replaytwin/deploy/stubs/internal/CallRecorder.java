package dev.replaytwin.deploy.stubs.internal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** Completes a proxied call's row in the journal with the status the real dependency answered. */
public final class CallRecorder implements ServeEventListener {
  private final String name;
  private final CallJournal journal;

  public CallRecorder(String dependency, CallJournal journal) {
    this.name = "replaytwin-calls-" + dependency;
    this.journal = journal;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public void afterComplete(ServeEvent event, Parameters parameters) {
    if (event.getResponse() != null) {
      journal.completed(event.getId(), event.getResponse().getStatus());
    }
  }
}
