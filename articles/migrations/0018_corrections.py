"""Corrections: dated notes on live articles, never deleted (a withdrawn one keeps a note saying why)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0017_revision_autosaved'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Correction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('correction', 'Correction'), ('update', 'Update'), ('clarification', 'Clarification'), ('editors_note', 'Editor’s note')], default='correction', max_length=20)),
                ('text', models.TextField(help_text='What readers are told, in Markdown like the body. No pictures.')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True)),
                ('withdrawal_note', models.TextField(blank=True, help_text='Why it was withdrawn; readers see it with the date.')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='corrections', to='articles.article')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-created_at', '-id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('text', ''), _negated=True), name='correction_has_text'), models.CheckConstraint(condition=models.Q(('kind__in', ['correction', 'update', 'clarification', 'editors_note'])), name='correction_kind_known'), models.CheckConstraint(condition=models.Q(models.Q(('withdrawal_note', ''), ('withdrawn_at__isnull', True)), models.Q(('withdrawn_at__isnull', False), models.Q(('withdrawal_note', ''), _negated=True)), _connector='OR'), name='correction_withdrawn_with_a_note', violation_error_message='A withdrawn correction needs its date and a note saying why.')],
            },
        ),
    ]
