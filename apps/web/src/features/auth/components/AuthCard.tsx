import type { ReactNode } from 'react';
import { Card } from '../../../components/ui/Card.js';
import { LogoMark } from '../../../components/ui/Icons.js';

export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="brand">
          <LogoMark className="brand__mark" />
          Attribution Analytics
        </div>
        <Card title={title} subtitle={subtitle} titleAs="h1">
          {children}
          <p className="muted" style={{ textAlign: 'center' }}>
            {footer}
          </p>
        </Card>
      </div>
    </main>
  );
}
