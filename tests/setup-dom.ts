// adaptivecards sets Event.cancelBubble, which happy-dom exposes as a getter only.
Object.defineProperty(Event.prototype, 'cancelBubble', {
  configurable: true,
  get() {
    return false;
  },
  set(this: Event, v: boolean) {
    if (v) this.stopPropagation();
  },
});
