/** A real SMTP server on loopback that keeps every mail it gets (raw). */
export declare function startMailSink(): Promise<{
  smtpUrl: string;
  received: string[];
  close: () => Promise<void>;
}>;
